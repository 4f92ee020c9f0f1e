using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Features.Account;

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
