using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>
/// DOMAIN "Seats": a removed User can no longer sign in, at once. Identity checks the security stamp only every
/// 30 minutes; this checks it, and the deactivation, on every request (one lookup by primary key), without
/// re-issuing the cookie, so an impersonation's extra claims survive.
/// </summary>
internal static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return;
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DeactivatedAt }).SingleOrDefaultAsync();
        var stamp = context.Principal.FindFirstValue(stampClaim);
        // Issue 15 §3: a deactivated staff member is signed out at once, also while acting as a Client's administrator.
        var impersonatorGone = context.Principal.FindFirstValue(PortalClaims.ImpersonatorId) is { } staffId
            && await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Id == staffId && u.DeactivatedAt != null);
        if (user is null || user.DeactivatedAt is not null || (stamp is not null && stamp != user.SecurityStamp) || impersonatorGone)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
