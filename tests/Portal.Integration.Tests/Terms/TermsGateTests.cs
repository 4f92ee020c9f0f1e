using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Terms;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Impersonation;
using Portal.Web.Features.Terms;

namespace Portal.Integration.Tests.Terms;

/// <summary>
/// The terms gate over HTTP, pages and downloads alike, on a portal of its own. Initech (seeded) has accepted nothing and
/// no test here accepts for it; only the Acme test publishes a version and accepts it, and it is the only one reading Acme.
/// </summary>
public sealed class TermsGateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_ClientAdmin_who_has_not_accepted_is_refused_every_download_and_sent_to_the_terms_from_every_page_until_accepting()
    {
        var version = await PublishAtOnceAsync();
        var (invoice, notice) = await AcmeDocumentsAsync();
        var downloads = new[] { $"/invoices/{invoice}/pdf", "/invoices/all.zip", $"/termination/notices/{notice}/pdf" };
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        foreach (var page in new[] { "/", "/invoices", $"/invoices/{invoice}", "/seats", "/termination" })
        {
            var response = await acme.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
            Assert.Equal("/terms", response.Headers.Location?.OriginalString);
        }
        foreach (var download in downloads)
        {
            var response = await acme.GetAsync(download);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{download}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("data-testid=\"terms-required\"", html);
            Assert.Contains("Accept the contract documents first", html);
            Assert.Contains("href=\"/terms\"", html);
        }
        // What the gate leaves open: the documents to accept, their PDFs, the account.
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync("/terms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/terms/{version}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync("/Account/Manage")).StatusCode);
        // A ClientUser accepts nothing, so nothing waits on them; staff download the Client's documents as before.
        Assert.Equal(HttpStatusCode.OK, (await (await PortalFactory.SignedInAsync(portal, "user@acme.test")).GetAsync("/")).StatusCode);
        var staff = await PortalFactory.SignedInAsync(portal, "am@provider.test");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/invoices/{invoice}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/staff/clients/C-0001")).StatusCode);

        await using (var scope = await portal.ScopeAsAsync("admin@acme.test"))
            Assert.Null((await scope.ServiceProvider.GetRequiredService<TermsService>().AcceptAsync(version, boxTicked: true, "/terms")).Error);

        foreach (var url in downloads.Append("/").Append("/invoices"))
        {
            var response = await acme.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} after accepting: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_refusal_is_in_the_readers_language()
    {
        var initech = await PortalFactory.SignedInAsync(portal, "admin@initech.test");
        Assert.Equal(HttpStatusCode.Redirect, (await initech.GetAsync("/culture/fr?returnUrl=/terms")).StatusCode);

        var response = await initech.GetAsync("/invoices/all.zip");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"fr\"", html);
        Assert.Contains("Acceptez d'abord les documents contractuels", html);
        Assert.Contains("Aller aux documents contractuels", html);
    }

    [Fact]
    public async Task Staff_acting_as_a_gated_ClientAdmin_are_sent_to_the_terms_as_the_administrator_is_and_can_still_stop()
    {
        var browser = await PortalFactory.SignedInAsync(portal, "am@provider.test");
        Guid sessionId;
        await using (var scope = await portal.ScopeAsAsync("am@provider.test"))
        {
            await using var db = portal.OpenAs(Actor.System);
            var initech = await db.Clients.SingleAsync(c => c.Number == "C-0003");
            var admin = await db.Users.SingleAsync(u => u.Email == "admin@initech.test");
            var started = await scope.ServiceProvider.GetRequiredService<ImpersonationService>()
                .StartAsync(initech.Id, admin.Id, "Helping with the trial set-up", null);
            Assert.Null(started.Error);
            sessionId = started.SessionId!.Value;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(ImpersonationService.EnterPath(sessionId))).StatusCode);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/terms", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/invoices/all.zip")).StatusCode);
        var terms = await browser.GetStringAsync("/terms");
        Assert.Contains("is acting as", WebUtility.HtmlDecode(terms));

        var stop = await browser.PostAsync("/staff/impersonation/stop", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(
                System.Text.RegularExpressions.Regex.Match(terms, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal("/staff/clients/C-0003?ended=stopped", stop.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_gated_page_request_costs_at_most_three_queries_and_reads_no_document_text()
    {
        var initech = await PortalFactory.SignedInAsync(portal, "admin@initech.test");
        // The same person on an address the gate leaves alone: what every request costs anyway (the session check).
        var baseline = await CommandsOfAsync(initech, "/culture/en?returnUrl=/");

        var gated = await CommandsOfAsync(initech, "/invoices", expected: HttpStatusCode.Redirect);

        // The versions' dates, the Client's acceptances and, only when those close the gate, its amendment terminations (SEO §14.3).
        Assert.InRange(gated.Count - baseline.Count, 1, 3);
        Assert.DoesNotContain(gated, c => c.Contains("\"Content\"", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> CommandsOfAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.Redirect)
    {
        var id = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(DbCommandLog.Header, id);
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return portal.Commands.Of(id);
    }

    /// <summary>A legal-compliance change of the Acceptable Use Policy, in force at once (SEO §20.1): Acme must accept it.</summary>
    private async Task<Guid> PublishAtOnceAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        const string content = "# Acceptable Use Policy\n\nA change the law requires, in force at once.";
        var version = new DocumentVersion
        {
            Type = DocumentType.AcceptableUsePolicy, Label = "2026_12-gate", Content = content, ContentSha256 = AcceptanceChain.Sha256(content),
            ChangeSummary = "Legal compliance.", PublishedAt = now, EffectiveAt = now, IsLegalComplianceChange = true,
        };
        db.DocumentVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    private async Task<(string Invoice, Guid Notice)> AcmeDocumentsAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        var acme = await db.Clients.SingleAsync(c => c.Number == "C-0001");
        var admin = await db.Users.SingleAsync(u => u.Email == "admin@acme.test");
        var notice = new TerminationNotice
        {
            ClientId = acme.Id, Kind = TerminationKind.NonRenewal, FiledAt = DateTimeOffset.UtcNow, FiledByUserId = admin.Id,
            EffectiveOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6),
        };
        db.TerminationNotices.Add(notice);
        await db.SaveChangesAsync();
        return (await db.Invoices.Where(i => i.ClientId == acme.Id).OrderBy(i => i.Sequence).Select(i => i.Number).FirstAsync(), notice.Id);
    }
}
