using Microsoft.AspNetCore.Identity;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Impersonation;

/// <summary>
/// Runs on every request of an impersonated browser. The session row decides: once stopped or expired the
/// browser is signed back in as the staff member and sent back to the Client's page. While it runs, Identity's
/// own pages for credentials and 2FA (/Account/Manage, static forms that call no service of ours) are refused
/// here, whatever the method, and signing out ends the session.
/// </summary>
public sealed class ImpersonationGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, ImpersonationService sessions, NotWhileImpersonating guard,
        SignInManager<PortalUser> signIn, TimeProvider clock)
    {
        if (!PortalClaims.IsImpersonated(http.User) || StaticFiles.Requested(http.Request.Path))
        {
            await next(http);
            return;
        }

        if (PortalClaims.ImpersonationSessionOf(http.User) is not { } sessionId || !await sessions.IsActiveAsync(sessionId))
        {
            var number = await sessions.LeaveAsync(http, signIn, ImpersonationEnd.Expired);
            if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/_blazor"))
                http.Response.Redirect(number is null ? "/staff/clients?ended=expired" : $"/staff/clients/{number}?ended=expired");
            else
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var path = http.Request.Path;
        if (path.StartsWithSegments("/Account/Logout") && HttpMethods.IsPost(http.Request.Method))
        {
            await sessions.LeaveAsync(http, signIn, ImpersonationEnd.SignedOut);
            http.Response.Redirect("/Account/Login");
            return;
        }
        if (path.StartsWithSegments("/Account/Manage") && await guard.RefusalAsync(ManageActionOf(path)) is { } refusal)
        {
            if (HttpMethods.IsGet(http.Request.Method))
                http.Response.Redirect($"/staff/impersonation/refused?action={ManageActionOf(path)}");
            else
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.Response.WriteAsync(refusal);
            }
            return;
        }
        await next(http);
    }

    /// <summary>Identity's Manage pages: the two-factor ones are TwoFactor; the rest (password, e-mail, profile) Credentials.</summary>
    internal static GuardedAction ManageActionOf(PathString path)
    {
        var page = path.Value ?? "";
        return page.Contains("2fa", StringComparison.OrdinalIgnoreCase) || page.Contains("TwoFactor", StringComparison.OrdinalIgnoreCase)
               || page.Contains("Authenticator", StringComparison.OrdinalIgnoreCase) || page.Contains("RecoveryCodes", StringComparison.OrdinalIgnoreCase)
            ? GuardedAction.TwoFactor
            : GuardedAction.Credentials;
    }
}
