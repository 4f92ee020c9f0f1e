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

    // Issue 15 §3: staff see each person's last sign-in. Only the person's own credentials count: an impersonation
    // (ImpersonationService signs the cookie in directly) and the return to one's own account after it do not.
    public override async Task<SignInResult> PasswordSignInAsync(PortalUser user, string password, bool isPersistent, bool lockoutOnFailure) =>
        await RecordAsync(user, await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure));

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await RecordAsync(await GetTwoFactorAuthenticationUserAsync(), await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await RecordAsync(await GetTwoFactorAuthenticationUserAsync(), await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    public override async Task<SignInResult> TwoFactorSignInAsync(string provider, string code, bool isPersistent, bool rememberClient) =>
        await RecordAsync(await GetTwoFactorAuthenticationUserAsync(), await base.TwoFactorSignInAsync(provider, code, isPersistent, rememberClient));

    private async Task<SignInResult> RecordAsync(PortalUser? user, SignInResult result)
    {
        if (!result.Succeeded || user is null) return result;
        await using var db = await factory.OpenAsSystemAsync(clock);
        var now = clock.GetUtcNow();
        await db.Users.IgnoreQueryFilters().Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        return result;
    }

    private async Task<bool> AccessClosedAsync(PortalUser user)
    {
        if (user.ClientId is not { } clientId) return false;
        await using var db = await factory.OpenAsSystemAsync(clock);
        var closedAt = await db.Clients.Where(c => c.Id == clientId).Select(c => c.AccessClosedAt).FirstOrDefaultAsync();
        return closedAt is { } at && at <= clock.GetUtcNow();
    }
}
