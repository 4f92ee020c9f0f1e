using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Integration.Tests.Security;

/// <summary>Cookies are HttpOnly and SameSite everywhere; over plain http in Development they cannot be Secure.</summary>
[Collection(nameof(PortalCollection))]
public sealed class CookieTests(PortalFactory portal)
{
    [Fact]
    public async Task The_sign_in_cookie_is_HttpOnly_and_SameSite_Lax()
    {
        var response = await PortalFactory.PostSignInAsync(portal.Browser(), "support@provider.test");

        var cookie = SetCookie(response, "Portal.Auth");
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie); // http://localhost in Development
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_HttpOnly_and_SameSite_Strict()
    {
        var response = await portal.Browser().GetAsync("/Account/Login");

        var cookie = SetCookie(response, ".AspNetCore.Antiforgery.");
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
    }

    [Fact]
    public async Task The_culture_cookie_is_HttpOnly_and_SameSite_Lax()
    {
        var response = await portal.Browser().GetAsync("/culture/fr?returnUrl=/");

        var cookie = SetCookie(response, ".AspNetCore.Culture");
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    internal static string SetCookie(HttpResponseMessage response, string namePrefix) =>
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
        .FirstOrDefault(c => c.StartsWith(namePrefix, StringComparison.Ordinal))?.ToLowerInvariant()
        ?? throw new Xunit.Sdk.XunitException($"no {namePrefix} cookie set by {response.RequestMessage?.RequestUri}");
}

/// <summary>Outside Development every cookie is Secure and HSTS is sent over HTTPS.</summary>
public sealed class ProductionSecurityTests : IClassFixture<ProductionSecurityTests.ProductionPortal>
{
    private readonly HttpClient client;
    private readonly ProductionPortal production;

    public ProductionSecurityTests(ProductionPortal portal)
    {
        production = portal;
        client = portal.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example"),
        });
    }

    [Fact]
    public async Task Cookies_are_Secure()
    {
        var login = await client.GetAsync("/Account/Login");
        var culture = await client.GetAsync("/culture/fr?returnUrl=/");

        Assert.Contains("; secure", CookieTests.SetCookie(login, ".AspNetCore.Antiforgery."));
        Assert.Contains("; secure", CookieTests.SetCookie(culture, ".AspNetCore.Culture"));
        Assert.Contains("httponly", CookieTests.SetCookie(culture, ".AspNetCore.Culture"));
    }

    [Fact]
    public async Task HSTS_is_sent_over_HTTPS()
    {
        var response = await client.GetAsync("/Account/Login");

        // ASVS 14.4.5: a year, sub-domains included, by default.
        Assert.Equal("max-age=31536000; includeSubDomains", SecurityHeaderTests.Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task HSTS_follows_its_setting()
    {
        using var app = production.App.WithWebHostBuilder(b => b
            .UseSetting("Portal:Hsts:MaxAge", "2.00:00:00").UseSetting("Portal:Hsts:IncludeSubDomains", "false"));
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example"),
        }).GetAsync("/Account/Login");

        Assert.Equal("max-age=172800", SecurityHeaderTests.Header(response, "Strict-Transport-Security"));
    }

    public sealed class ProductionPortal : IDisposable
    {
        private readonly PortalFactory inner = new();
        public WebApplicationFactory<Program> App { get; }

        // Production refuses to start without an https Portal:PublicUrl (README, "Go live").
        public ProductionPortal() => App = inner.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Portal:PublicUrl", "https://portal.example"));

        public void Dispose()
        {
            App.Dispose();
            inner.Dispose();
        }
    }
}
