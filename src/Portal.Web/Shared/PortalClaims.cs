using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
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

/// <summary>Refuses sign-in to deactivated Users (DOMAIN "Seats": a removed User can no longer sign in).</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<PortalUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        user.DeactivatedAt is null && !user.IsServiceAccount && await base.CanSignInAsync(user);
}
