using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Domain.Termination;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Terms;

/// <summary>
/// SEO §20.1, §14.3 over HTTP, on a portal of its own: an amendment Acme terminated over is never forced on it, and it keeps
/// its pages and downloads until the termination takes effect; a withdrawn notice removes the protection.
/// </summary>
public sealed class AmendmentTerminationGateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_Client_that_terminated_over_an_amendment_is_not_sent_to_the_terms_for_it_and_keeps_its_downloads_until_it_withdraws()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        await DeemedAcceptanceStartUpRoundDoneAsync();
        var amendment = await PublishAmendmentPastItsNoticeMonthAsync();
        var before = await acme.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode); // not terminated over: the amendment binds, the click is due
        Assert.Equal("/terms", before.Headers.Location?.OriginalString);

        var (invoice, notice) = await FileAmendmentTerminationAsync(amendment);

        foreach (var url in new[] { "/", "/invoices", "/termination", $"/invoices/{invoice}/pdf", "/invoices/all.zip", $"/termination/notices/{notice}/pdf" })
        {
            var response = await acme.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        var terms = WebUtility.HtmlDecode(await acme.GetStringAsync("/terms"));
        Assert.Contains("data-testid=\"terminated-over\"", terms);
        Assert.Contains("You terminated the contract over version 2099_01-terminated-over", terms);

        await using (var db = portal.OpenAs(Actor.System))
        {
            var filed = await db.TerminationNotices.SingleAsync(n => n.Id == notice);
            Assert.Null(filed.Withdraw(DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var after = await acme.GetAsync("/invoices");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/terms", after.Headers.Location?.OriginalString);
    }

    /// <summary>A new version of the terms Acme accepted, published 40 days ago: its notice month is over (SEO §20.1).</summary>
    /// <summary>
    /// The deemed-acceptance job runs a round when the portal starts. Had that round read the amendment published below, it
    /// would (rightly) deem Acme to accept it before the test looks: wait until the round is over (its lease then runs to
    /// the next round, an hour away).
    /// </summary>
    private async Task DeemedAcceptanceStartUpRoundDoneAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var db = portal.OpenAs(Actor.System))
                // In memory: SQLite cannot compare DateTimeOffset values in SQL, and there is one lease per job.
                if ((await db.JobLeases.AsNoTracking().Where(l => l.Job == nameof(Portal.Web.Features.Terms.DeemedAcceptanceJob))
                        .ToListAsync(timeout.Token)).Any(l => l.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30)))
                    return;
            await Task.Delay(100, timeout.Token);
        }
    }

    private async Task<Guid> PublishAmendmentPastItsNoticeMonthAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        var now = DateTimeOffset.UtcNow;
        const string content = "# General Terms and Conditions\n\nAn amendment Acme does not want.";
        var version = new DocumentVersion
        {
            Type = DocumentType.GeneralTermsAndConditions, Label = "2099_01-terminated-over", Content = content,
            ContentSha256 = AcceptanceChain.Sha256(content), ChangeSummary = "New liability cap.",
            PublishedAt = now.AddDays(-40), EffectiveAt = now.AddDays(-5),
        };
        db.DocumentVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    private async Task<(string Invoice, Guid Notice)> FileAmendmentTerminationAsync(Guid cited)
    {
        await using var db = portal.OpenAs(Actor.System);
        var acme = await db.Clients.SingleAsync(c => c.Number == "C-0001");
        var admin = await db.Users.SingleAsync(u => u.Email == "admin@acme.test");
        var notice = new TerminationNotice
        {
            ClientId = acme.Id, Kind = TerminationKind.Amendment, CitedDocumentVersionId = cited, FiledAt = DateTimeOffset.UtcNow,
            FiledByUserId = admin.Id, EffectiveOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3),
        };
        db.TerminationNotices.Add(notice);
        await db.SaveChangesAsync();
        return (await db.Invoices.Where(i => i.ClientId == acme.Id).OrderBy(i => i.Sequence).Select(i => i.Number).FirstAsync(), notice.Id);
    }
}
