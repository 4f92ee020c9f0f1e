using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;

namespace Portal.Web.Shared.Security;

public static class SecurityFeature
{
    /// <summary>Cookie rules, the rate limits and the audit of refusals.</summary>
    public static void AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // One rule for every cookie the portal writes (sign-in, two-factor, antiforgery, culture, status message):
        // not readable by scripts, not sent on cross-site posts, and only over HTTPS outside Development
        // (http://localhost works while developing).
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        // A signed-in person refused a page by their role is on the record.
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            var redirect = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                await context.HttpContext.RequestServices.GetRequiredService<SecurityAudit>()
                    .AccessRefusedAsync(context.HttpContext, SecurityAudit.AccessDenied);
                await redirect(context);
            };
        });
        builder.Services.AddSingleton<SecurityAudit>();
        builder.Services.AddPortalRateLimits();
    }

    /// <summary>
    /// Placed after the culture (the 429 page is in the reader's language) and before antiforgery. Authentication
    /// is called here, not left to the host, so that its redirects carry the security headers too.
    /// </summary>
    public static void UsePortalSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseCookiePolicy();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((http, next) => SecurityAudit.AuditNotFoundAsync(http, () => next(http)));
        app.UsePortalRateLimits();
    }
}
