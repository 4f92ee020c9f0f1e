using Microsoft.AspNetCore.Authentication.Cookies;
using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

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

        // ASVS 14.4.5: HSTS in Production (app.UseHsts outside Development), a year with sub-domains by default.
        var hsts = builder.Configuration.GetSection(HstsSetting);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = hsts.GetValue("MaxAge", TimeSpan.FromDays(365));
            o.IncludeSubDomains = hsts.GetValue("IncludeSubDomains", true);
        });

        // Behind nginx (README) the browser's address and scheme arrive as X-Forwarded-For and X-Forwarded-Proto: the rate
        // limits, the audit and the acceptance evidence need the browser's address, not the proxy's. Only a proxy on
        // this machine (loopback, the default) or one named in Portal:TrustedProxies is believed.
        var trusted = TrustedProxies(builder.Configuration.GetSection(TrustedProxiesSetting).Get<string[]>() ?? []);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in trusted) o.KnownProxies.Add(proxy);
        });
    }

    public const string TrustedProxiesSetting = "Portal:TrustedProxies";
    public const string HstsSetting = "Portal:Hsts";


    private static List<IPAddress> TrustedProxies(string[] configured) =>
        configured.Select(text => IPAddress.TryParse(text, out var address) ? address
            : throw new InvalidOperationException(
                $"The setting {TrustedProxiesSetting} holds \"{text}\", which is not an IP address. List the proxies' addresses, e.g. [\"10.0.0.5\"].")).ToList();

    /// <summary>First in the pipeline, so that HSTS, the cookie policy, the limits and the audit see the browser's address and scheme.</summary>
    public static void UseForwardedFromProxy(this WebApplication app) => app.UseForwardedHeaders();

    /// <summary>
    /// Placed after the culture (the 429 page is in the reader's language) and before antiforgery. Authentication
    /// is called here, not left to the host, so that its redirects carry the security headers too.
    /// </summary>
    public static void UsePortalSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseCookiePolicy();
        app.UseAuthentication();
        // After authentication (a token is bound to the signed-in person), before authorization: a POST without a
        // valid token gets 400 whoever sends it and wherever it goes.
        app.UseMiddleware<AntiforgeryOnEveryPost>();
        app.UseAuthorization();
        app.Use((http, next) => SecurityAudit.AuditNotFoundAsync(http, () => next(http)));
        app.UsePortalRateLimits();
    }
}
