using System.Security.Cryptography;

namespace Portal.Web.Shared.Security;

/// <summary>
/// The headers every response carries. The Content-Security-Policy allows what Blazor Server and MudBlazor
/// need and nothing else: scripts and styles from the portal itself, the one inline script Blazor writes
/// (the import map) by a per-request nonce, inline styles (MudBlazor sets style attributes and writes its
/// theme as a &lt;style&gt; element), and the circuit's WebSocket to the same origin.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "Portal.CspNonce";

    /// <summary>The nonce of this request's inline scripts (App.razor puts it on &lt;ImportMap /&gt;).</summary>
    public static string NonceOf(HttpContext http) =>
        http.Items[NonceKey] as string ?? throw new InvalidOperationException("SecurityHeaders has not run for this request.");

    public static string ContentSecurityPolicy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        // MudBlazor positions popovers and sets colours through style attributes, and writes its theme as <style>.
        "style-src 'self' 'unsafe-inline'",
        // data: for the PNG images inside MudBlazor's CSS and the authenticator page's QR code (rendered on the server).
        "img-src 'self' data:",
        "font-src 'self'",
        // 'self' covers the circuit's ws:/wss: connection to /_blazor on the same origin (CSP Level 3).
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'");

    public Task InvokeAsync(HttpContext http)
    {
        // A status page or the error page runs the pipeline again on the same request: its page was rendered with
        // the nonce drawn the first time, and a second OnStarting would overwrite the header with another.
        if (http.Items.ContainsKey(NonceKey)) return next(http);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        // Set when the response starts, so error pages and re-executed status pages (which clear headers) keep them.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers without CSP 2
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
