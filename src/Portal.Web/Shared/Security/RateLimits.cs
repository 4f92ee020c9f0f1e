using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Portal.Web.Shared.Security;

/// <summary>
/// The rate limits, in one place: which requests count, per what key, and the 429 page with its Retry-After.
/// Pages and endpoints only name their limit ([EnableRateLimiting(RateLimits.SignIn)] or RequireRateLimiting).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";
    public const string Invitation = "invitation";
    public const string DataExport = "data-export";

    /// <summary>The form field the sign-in and reset forms post the e-mail in.</summary>
    private const string EmailField = "Input.Email";

    public static void AddPortalRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            // Only the posts count: showing the form again is free.
            o.AddPolicy(SignIn, http => PostsOnly(http, s => s.SignIn, $"{Address(http)}|{PostedEmail(http)}"));
            o.AddPolicy(PasswordReset, http => PostsOnly(http, s => s.PasswordReset, $"{Address(http)}|{PostedEmail(http)}"));
            o.AddPolicy(Invitation, http => Window(http, s => s.Invitation, Address(http)));
            o.AddPolicy(DataExport, http => Window(http, s => s.DataExport,
                http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? Address(http)));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                PolicyOf(http) is SignIn or PasswordReset ? PostsOnly(http, s => s.SignInPerAddress, Address(http))
                    : RateLimitPartition.GetNoLimiter(""));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RefuseAsync;
        });

    /// <summary>
    /// The partition key needs the posted e-mail, and a rate-limit policy cannot read the body asynchronously:
    /// read the form of a limited post before the limiter runs (the page reads the same, buffered, form).
    /// </summary>
    public static void UsePortalRateLimits(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
                && PolicyOf(http) is SignIn or PasswordReset)
                await http.Request.ReadFormAsync(http.RequestAborted);
            await next(http);
        });
        app.UseRateLimiter();
    }

    private static RateLimitPartition<string> PostsOnly(HttpContext http, Func<RateLimitSettings, RateLimit> limit, string key) =>
        HttpMethods.IsPost(http.Request.Method) ? Window(http, limit, key) : RateLimitPartition.GetNoLimiter("");

    private static RateLimitPartition<string> Window(HttpContext http, Func<RateLimitSettings, RateLimit> limit, string key)
    {
        var settings = limit(http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.RateLimits);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = settings.Window,
            QueueLimit = 0,
        });
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    private static string? PolicyOf(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    /// <summary>
    /// The e-mail as Identity looks the account up (so no spelling of it gets a limit of its own), cut to an e-mail's
    /// longest: a key is kept for the whole window, and a posted megabyte must not be.
    /// </summary>
    private static string PostedEmail(HttpContext http)
    {
        if (!http.Request.HasFormContentType) return "";
        var typed = http.Request.Form[EmailField].ToString().Trim();
        if (typed.Length > MaxEmailLength) typed = typed[..MaxEmailLength];
        return http.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeEmail(typed) ?? "";
    }

    private const int MaxEmailLength = 256;

    /// <summary>429 with Retry-After (seconds) and a page that says, in the reader's language, when to try again.</summary>
    private static async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var policy = PolicyOf(http);
        if (policy is SignIn)
            await http.RequestServices.GetRequiredService<SecurityAudit>().SignInThrottledAsync(http, PostedEmail(http));

        var T = http.RequestServices.GetRequiredService<IStringLocalizer<UserText>>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var at = clock.GetUtcNow().AddSeconds(seconds);
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        var after = at.ToString("HH:mm", CultureInfo.CurrentCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        var product = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.ProductName;
        // A signed-in person downloading an archive again is not an attacker: tell them so, and send them back to it.
        var page = policy is DataExport
            ? RefusalPage(product, T["Too many downloads"],
                minutes == 1
                    ? T["Too many downloads in a short time. Try again in a minute, after {0} UTC.", after]
                    : T["Too many downloads in a short time. Try again in {0} minutes, after {1} UTC.", minutes, after],
                "/termination", T["Back to the termination page"])
            : RefusalPage(product, T["Too many attempts"],
                minutes == 1
                    ? T["Too many attempts in a short time. For your security, try again in a minute, after {0} UTC.", after]
                    : T["Too many attempts in a short time. For your security, try again in {0} minutes, after {1} UTC.", minutes, after],
                "/Account/Login", T["Back to sign in"]);
        await http.Response.WriteAsync(page, ct);
    }

    // The page has no MudBlazor (no circuit): the sign-in page's look (band, card, logo, colours of PortalTheme) in plain CSS.
    private const string PageStyle =
        "html { background: #f5f7fa; } " +
        "body { margin: 0; padding: 64px 16px; font-family: Roboto, Helvetica, Arial, sans-serif; line-height: 1.5; color: #333; " +
        "background: linear-gradient(#16365f 0 240px, #f5f7fa 240px) no-repeat; } " +
        "main { max-width: 440px; margin: 0 auto; background: #fff; border-radius: 6px; padding: 36px; " +
        "box-shadow: 0 2px 4px rgba(0,0,0,.2); } " +
        ".brand { display: flex; align-items: center; gap: 12px; color: #1f4e8c; font-weight: 700; font-size: 1.25rem; } " +
        "h1 { font-weight: 400; font-size: 1.6rem; margin: 24px 0 8px; } a { color: #1f4e8c; }";

    private static string RefusalPage(string product, string title, string message, string backTo, string back)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return $"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{WebUtility.HtmlEncode(title)}</title><link rel="stylesheet" href="/css/portal.css" />
            <style>{PageStyle}</style></head>
            <body><main>
            <div class="brand"><img src="/brand/logo.svg" alt="" width="32" height="32" />{WebUtility.HtmlEncode(product)}</div>
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            <p role="alert" data-testid="rate-limited">{WebUtility.HtmlEncode(message)}</p>
            <p><a href="{backTo}">{WebUtility.HtmlEncode(back)}</a></p>
            </main></body>
            </html>
            """;
    }
}
