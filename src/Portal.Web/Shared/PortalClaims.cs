using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Shared;

/// <summary>The portal's own claims, added to the sign-in cookie next to Identity's id, e-mail and roles.</summary>
public static class PortalClaims
{
    public const string ClientId = "portal:client";
    public const string DisplayName = "portal:name";

    /// <summary>Set while a Provider staff member acts as this ClientAdmin (DOMAIN "Impersonation").</summary>
    public const string ImpersonatorId = "portal:impersonator";
    public const string ImpersonatorEmail = "portal:impersonator_email";

    /// <summary>The ImpersonationSession row the cookie belongs to: the row, not the cookie, says whether it is still on.</summary>
    public const string ImpersonationSessionId = "portal:impersonation";

    public static bool IsImpersonated(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ImpersonatorId);

    public static Guid? ImpersonationSessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ImpersonationSessionId), out var id) ? id : null;

    public static Guid? ClientIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClientId), out var id) ? id : null;

    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Writes <see cref="PortalClaims"/> into the principal at sign-in.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.ClientId is { } clientId)
            identity.AddClaim(new Claim(PortalClaims.ClientId, clientId.ToString()));
        return identity;
    }
}

/// <summary>
/// Refuses sign-in to deactivated Users (DOMAIN "Seats": a removed User can no longer sign in) and to the people of a
/// Client whose access has closed (SEO §8.3: after the last day of service).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    IDbContextFactory<PortalDb> factory,
    TimeProvider clock)
    : SignInManager<PortalUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        user.DeactivatedAt is null && !user.IsServiceAccount && !await AccessClosedAsync(user) && await base.CanSignInAsync(user);

    /// <summary>The cookie's periodic check: a session of a User who may no longer sign in ends there too.</summary>
    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { } user && await CanSignInAsync(user) ? user : null;

    private async Task<bool> AccessClosedAsync(PortalUser user)
    {
        if (user.ClientId is not { } clientId) return false;
        await using var db = await factory.OpenAsSystemAsync(clock);
        var closedAt = await db.Clients.Where(c => c.Id == clientId).Select(c => c.AccessClosedAt).FirstOrDefaultAsync();
        return closedAt is { } at && at <= clock.GetUtcNow();
    }
}
