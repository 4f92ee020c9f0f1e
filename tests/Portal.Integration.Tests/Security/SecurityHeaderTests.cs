using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Integration.Tests.Security;

/// <summary>Every response carries the security headers; the CSP's nonce is the one on the page's inline script.</summary>
[Collection(nameof(PortalCollection))]
public sealed class SecurityHeaderTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/Account/Login")] // a page
    [InlineData("/")]              // a redirect to sign in
    [InlineData("/no-such-page")]  // the 404 page
    public async Task Responses_carry_the_security_headers(string path)
    {
        var response = await portal.Browser().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[]
                 {
                     "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
                     "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'",
                 })
            Assert.Contains(directive, csp);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'(;|$)", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Theory]
    [InlineData("/no-such-page")] // the 404 page is the same request run again: it must keep the first nonce
    [InlineData("/invoices/INV-999999")]
    public async Task A_re_executed_status_page_carries_the_nonce_its_import_map_has(string path)
    {
        var client = path.StartsWith("/invoices") ? await PortalFactory.SignedInAsync(portal, "admin@acme.test") : portal.Browser();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var onPage = Regex.Match(await response.Content.ReadAsStringAsync(), "<script type=\"importmap\" nonce=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(NonceOf(response), WebUtility.HtmlDecode(onPage));
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_response_and_each_response_has_a_new_one()
    {
        var client = portal.Browser();
        var first = await client.GetAsync("/Account/Login");
        var second = await client.GetAsync("/Account/Login");

        var nonce = NonceOf(first);
        var html = await first.Content.ReadAsStringAsync();
        var onPage = Regex.Match(html, "<script type=\"importmap\" nonce=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(nonce, WebUtility.HtmlDecode(onPage));
        Assert.NotEqual(nonce, NonceOf(second));
        // No other inline script: every other <script> has a src.
        Assert.All(Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).Where(tag => !tag.Contains("importmap")),
            tag => Assert.Contains(" src=", tag));
    }

    [Fact]
    public async Task Downloads_carry_the_headers_too()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var zip = await acme.GetAsync("/invoices/all.zip");

        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("nosniff", Header(zip, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(zip, "Content-Security-Policy"));
    }

    [Fact]
    public async Task No_HSTS_in_Development_where_the_portal_runs_on_plain_http()
    {
        var client = portal.Browser();
        client.BaseAddress = new Uri("https://portal.example");

        var response = await client.GetAsync("/Account/Login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string NonceOf(HttpResponseMessage response) =>
        Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
