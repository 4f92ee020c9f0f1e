using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Staff;
using Portal.Web.Data;

namespace Portal.Web.Shared.Access;

/// <summary>
/// DOMAIN "The Provider and its staff": with "Require two-factor for staff" on, a staff member without it reaches no
/// page, download or endpoint but Identity's own account pages: a GET is sent to set it up, anything else refused.
/// The decision is <see cref="StaffTwoFactor.MustSetUp"/>.
/// </summary>
public sealed class StaffTwoFactorGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, PortalDb db, UserManager<PortalUser> users)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true || IsOpen(http.Request.Path) || !StaffAccess.RolesOf(user).Any(Portal.Domain.People.Role.IsStaffRole)
            || PortalClaims.IsImpersonated(user))
        {
            await next(http);
            return;
        }

        var required = await db.ProviderProfiles.Select(p => (bool?)p.RequireStaffTwoFactor).FirstOrDefaultAsync(http.RequestAborted)
                       ?? StaffTwoFactor.DefaultRequired;
        var account = required ? await users.GetUserAsync(user) : null;
        var hasTwoFactor = account is not null && await users.GetTwoFactorEnabledAsync(account);
        if (!StaffTwoFactor.MustSetUp(StaffAccess.RolesOf(user), impersonated: false, required, hasTwoFactor) || (required && account is null))
        {
            await next(http);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/_blazor"))
            http.Response.Redirect(StaffTwoFactor.SetUpPath + "?required=staff");
        else
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync("Turn on two-factor authentication first: " + StaffTwoFactor.SetUpPath);
        }
    }

    // Identity's pages (sign-in, sign-out, the two-factor set-up itself), the culture switch, health probes and the files pages load.
    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/Account") || path.StartsWithSegments("/culture") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/not-found") || path.StartsWithSegments("/Error") || StaticFiles.Requested(path);
}
