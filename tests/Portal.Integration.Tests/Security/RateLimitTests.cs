using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Shared.Security;

namespace Portal.Integration.Tests.Security;

/// <summary>
/// Too many attempts get 429 with Retry-After and a page saying when to retry; other people and addresses go on.
/// A portal of its own: the default sign-in limit (10 per 5 minutes), small limits for the rest, and a test-only
/// header that sets the caller's address (every test request comes from the same one otherwise).
/// </summary>
public sealed class RateLimitTests(RateLimitTests.LimitedPortal portal) : IClassFixture<RateLimitTests.LimitedPortal>
{
    [Fact]
    public async Task The_eleventh_sign_in_attempt_gets_429_with_Retry_After_and_a_message()
    {
        var client = portal.Client("10.0.0.1");
        for (var attempt = 1; attempt <= 10; attempt++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SignIn(client, "admin@globex.test", "wrong")).StatusCode);

        var eleventh = await SignIn(client, "admin@globex.test", "wrong");

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        var seconds = int.Parse(SecurityHeaderTests.Header(eleventh, "Retry-After"));
        Assert.InRange(seconds, 1, 300);
        var page = await eleventh.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", page);
        Assert.Contains("try again in", page);
        Assert.Contains("UTC", page);

        // The refusal is on the record, against the account that was aimed at.
        await using var db = portal.OpenAsSystem();
        var globexAdmin = await db.Users.SingleAsync(u => u.Email == "admin@globex.test");
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == SecurityAudit.SignInThrottled && e.EntityId == globexAdmin.Id));
        // Five of the ten wrong passwords locked the account: that is audited as such.
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == SecurityAudit.SignInLockedOut && e.EntityId == globexAdmin.Id));
    }

    [Fact]
    public async Task The_limit_does_not_touch_another_person_or_another_address()
    {
        var attacker = portal.Client("10.0.0.2");
        for (var attempt = 1; attempt <= 11; attempt++) await SignIn(attacker, "admin@initech.test", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(attacker, "admin@initech.test", "wrong")).StatusCode);

        // The same address, another account: signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(attacker, "support@provider.test")).StatusCode);
        // Another address, the same e-mail: its form is answered (with the lockout the wrong passwords caused), not refused.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SignIn(portal.Client("10.0.0.3"), "admin@initech.test", "wrong")).StatusCode);
    }

    [Fact]
    public async Task The_message_is_in_French_for_a_French_reader()
    {
        var client = portal.Client("10.0.0.4");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        for (var attempt = 1; attempt <= 10; attempt++) await SignIn(client, "owner@provider.test", "wrong");

        var refused = await SignIn(client, "owner@provider.test", "wrong");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Trop de tentatives", page);
        Assert.Contains("réessayez dans", page);
    }

    [Fact]
    public async Task Password_reset_requests_are_limited()
    {
        var client = portal.Client("10.0.1.1");
        for (var attempt = 1; attempt <= 2; attempt++)
            Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, "/Account/ForgotPassword", "user@acme.test")).StatusCode);

        var third = await PostForm(client, "/Account/ForgotPassword", "user@acme.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Invitation_pages_are_limited_per_address()
    {
        var client = portal.Client("10.0.2.1");
        for (var attempt = 1; attempt <= 2; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/invitation?token=guess-{attempt}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/invitation?token=guess-3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client("10.0.2.2").GetAsync("/invitation?token=guess-1")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_proxy_on_this_machine_the_limit_counts_each_browser_s_forwarded_address()
    {
        // nginx on loopback forwards two browsers; an outsider cannot pose as someone else by sending the header itself.
        var first = portal.Client("127.0.0.1");
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "10.0.9.1");
        for (var attempt = 1; attempt <= 10; attempt++) await SignIn(first, "nobody@unknown.test", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(first, "nobody@unknown.test", "wrong")).StatusCode);

        var second = portal.Client("127.0.0.1");
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "10.0.9.2");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SignIn(second, "nobody@unknown.test", "wrong")).StatusCode);

        var outsider = portal.Client("10.0.9.3");
        for (var attempt = 1; attempt <= 10; attempt++) await SignIn(outsider, "nobody@unknown.test", "wrong");
        outsider.DefaultRequestHeaders.Add("X-Forwarded-For", "10.0.9.4");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(outsider, "nobody@unknown.test", "wrong")).StatusCode);
    }

    [Fact]
    public async Task Data_export_downloads_are_limited_per_person()
    {
        var client = portal.Client("10.0.3.1");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(client, "admin@acme.test")).StatusCode);
        for (var attempt = 1; attempt <= 2; attempt++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/termination/exports/{Guid.NewGuid()}")).StatusCode);

        var refused = await client.GetAsync($"/termination/exports/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // A signed-in person downloading again is not told to sign in: the page sends them back to their archive.
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many downloads", page);
        Assert.Contains("href=\"/termination\"", page);
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_stopped_and_no_spelling_of_an_e_mail_gets_a_limit_of_its_own()
    {
        var sprayer = portal.Client("10.0.6.1");
        for (var attempt = 1; attempt <= 15; attempt++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SignIn(sprayer, $"user{attempt}@unknown.test", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(sprayer, "user16@unknown.test", "wrong")).StatusCode);

        // "ſ" upper-cases to "S", as Identity looks accounts up: the same account, the same limit.
        var guesser = portal.Client("10.0.6.2");
        for (var attempt = 1; attempt <= 10; attempt++) await SignIn(guesser, "spray@unknown.test", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(guesser, "ſpray@unknown.test", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(guesser, "  SPRAY@unknown.test ", "wrong")).StatusCode);
    }

    [Fact]
    public async Task A_flood_of_404s_by_one_person_is_audited_up_to_its_budget_and_each_still_answers_404()
    {
        var client = portal.Client("10.0.7.1");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(client, "am@provider.test")).StatusCode);
        var probe = Guid.NewGuid().ToString("N");

        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/invoices/INV-99999{i}?probe={probe}")).StatusCode);

        await using var db = portal.OpenAsSystem();
        var audited = await db.AuditEntries.Where(e => e.Action == SecurityAudit.NotFound).Select(e => e.After).ToListAsync();
        Assert.Equal(3, audited.Count(after => after!.Contains(probe)));
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password = PortalFactory.Password) =>
        PortalFactory.PostSignInAsync(client, email, password);

    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string path, string email)
    {
        var form = await client.GetStringAsync(path);
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]*)\"[^>]*value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Email"] = email;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public sealed class LimitedPortal : IDisposable
    {
        public const string AddressHeader = "X-Test-Remote-Address";
        private readonly PortalFactory factory = new();
        private readonly WebApplicationFactory<Program> app;

        public LimitedPortal() => app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Portal:RateLimits:SignIn:PermitLimit", "10"); // the default, stated
            b.UseSetting("Portal:RateLimits:SignInPerAddress:PermitLimit", "15");
            b.UseSetting("Portal:RateLimits:PasswordReset:PermitLimit", "2");
            b.UseSetting("Portal:RateLimits:Invitation:PermitLimit", "2");
            b.UseSetting("Portal:RateLimits:DataExport:PermitLimit", "2");
            b.UseSetting("Portal:RateLimits:AuditedNotFound:PermitLimit", "3");
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, TestAddress>());
        });

        /// <summary>A browser (cookies, no redirects followed) calling from <paramref name="address"/>.</summary>
        public HttpClient Client(string address)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(AddressHeader, address);
            return client;
        }

        public PortalDb OpenAsSystem()
        {
            var db = app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
            db.Actor = Actor.System;
            return db;
        }

        public void Dispose()
        {
            app.Dispose();
            factory.Dispose();
        }

        private sealed class TestAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((http, nextMiddleware) =>
                {
                    if (http.Request.Headers[AddressHeader].ToString() is { Length: > 0 } address)
                        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
                    return nextMiddleware(http);
                });
                next(app);
            };
        }
    }
}
