using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.People;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Features.Terms;

namespace Portal.Integration.Tests.Terms;

/// <summary>
/// Clickwrap acceptance and the gate, on a portal of their own (they add acceptance records).
/// Only the first test changes what Initech has accepted; the others leave Initech's state as it was.
/// </summary>
public sealed class TermsAcceptanceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_ClientAdmin_who_never_accepted_is_sent_to_the_terms_from_every_page_until_accepting_with_evidence()
    {
        var initech = await PortalFactory.SignedInAsync(portal, "admin@initech.test");
        foreach (var page in new[] { "/", "/invoices" })
        {
            var response = await initech.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/terms", response.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await initech.GetAsync("/terms")).StatusCode);

        foreach (var version in await VersionsAsync("admin@initech.test"))
            Assert.Null((await AcceptAs("admin@initech.test", version.Id, boxTicked: true)).Error);

        await using var db = portal.OpenAs(Actor.System);
        var records = await db.AcceptanceRecords.OrderBy(r => r.Id).ToListAsync();
        var last = records[^1];
        Assert.Equal("admin@initech.test", last.UserEmail);
        Assert.Equal(AcceptanceMethod.Clickwrap, last.Method);
        Assert.Equal("I have read and accept this document.", last.CheckboxWording);
        Assert.Equal("Accept", last.ButtonWording);
        Assert.Equal("/terms", last.PageUrl);
        Assert.Equal(0, last.AcceptedAt.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.True(AcceptanceChain.Verify(records).IsIntact);
        Assert.Equal(HttpStatusCode.OK, (await initech.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_amendment_in_its_notice_month_is_announced_on_every_page_without_a_gate()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var dashboard = await acme.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"amendment-banner\"", html);
        Assert.Contains("2026_11", html);
    }

    [Fact]
    public async Task Accepting_without_ticking_the_box_is_refused_and_saves_nothing()
    {
        var version = (await VersionsAsync("admin@globex.test")).Single(v => v.Label == "2026_11");
        var before = await CountAsync();

        var result = await AcceptAs("admin@globex.test", version.Id, boxTicked: false);

        Assert.Equal("Tick the box to confirm you have read the document, then accept.", result.Error);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Nobody_accepts_terms_while_impersonating()
    {
        var version = (await VersionsAsync("admin@globex.test")).Single(v => v.Label == "2026_11");
        var before = await CountAsync();

        var result = await AcceptAs("admin@globex.test", version.Id, boxTicked: true, impersonatedBy: "am@provider.test");

        Assert.StartsWith("Terms cannot be accepted while acting for a Client", result.Error);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_ClientUser_cannot_accept()
    {
        var version = (await VersionsAsync("user@acme.test"))[0];

        var result = await AcceptAs("user@acme.test", version.Id, boxTicked: true);

        Assert.Equal("Only your company's administrators can accept contract documents.", result.Error);
    }

    [Fact]
    public async Task Two_admins_accepting_the_same_version_at_once_get_one_record_each_and_the_chain_holds()
    {
        await AddSecondAcmeAdminAsync("second.admin@acme.test");
        var amendment = (await VersionsAsync("admin@acme.test")).Single(v => v.Label == "2026_11");
        var before = await CountAsync();

        var results = await Task.WhenAll(
            Task.Run(() => AcceptAs("admin@acme.test", amendment.Id, boxTicked: true)),
            Task.Run(() => AcceptAs("second.admin@acme.test", amendment.Id, boxTicked: true)));

        Assert.All(results, r => Assert.Null(r.Error));
        await using var db = portal.OpenAs(Actor.System);
        var records = await db.AcceptanceRecords.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(before + 2, records.Count);
        Assert.Equal(["admin@acme.test", "second.admin@acme.test"],
            records.Where(r => r.DocumentVersionId == amendment.Id).Select(r => r.UserEmail).Order());
        Assert.True(AcceptanceChain.Verify(records).IsIntact);
    }

    private async Task<AcceptanceOutcome> AcceptAs(string email, Guid versionId, bool boxTicked, string? impersonatedBy = null)
    {
        await using var scope = await portal.ScopeAsAsync(email, impersonatedBy);
        return await scope.ServiceProvider.GetRequiredService<TermsService>().AcceptAsync(versionId, boxTicked, "/terms");
    }

    private async Task<List<DocumentVersion>> VersionsAsync(string email)
    {
        await using var scope = await portal.ScopeAsAsync(email);
        var overview = await scope.ServiceProvider.GetRequiredService<TermsService>().OverviewAsync();
        return overview.Standings.Select(s => s.Version).ToList();
    }

    private async Task AddSecondAcmeAdminAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var acmeAdmin = await users.FindByEmailAsync("admin@acme.test");
        var second = new PortalUser { UserName = email, Email = email, DisplayName = "Second Admin", ClientId = acmeAdmin!.ClientId };
        Assert.True((await users.CreateAsync(second)).Succeeded);
        Assert.True((await users.AddToRoleAsync(second, Role.ClientAdmin)).Succeeded);
    }

    private async Task<int> CountAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.AcceptanceRecords.CountAsync();
    }
}
