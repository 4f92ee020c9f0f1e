using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Features.Terms;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Integration.Tests.Terms.Staff.Acceptances;

/// <summary>
/// Someone with write access to the database file edits or deletes records behind the portal's back.
/// Each test runs on its own portal and database, so the shared one keeps an intact chain.
/// </summary>
public sealed class ChainTamperingTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task An_e_mail_changed_in_the_database_breaks_the_chain_at_that_record_and_its_evidence_sheet_says_so()
    {
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        await Sql(TestDatabase.DropTrigger("AcceptanceRecords", "AcceptanceRecords_append_only_update"),
            "UPDATE \"AcceptanceRecords\" SET \"UserEmail\" = 'someone.else@acme.test' WHERE \"Id\" = 2");

        var report = await CheckAsync();
        var sheet = AcceptanceReviewTests.PdfText(await support.GetByteArrayAsync("/acceptances/2/pdf"));

        Assert.False(report.IsIntact);
        Assert.Equal((ChainFault.ContentChanged, (long?)2, 1L), (report.Fault, report.BrokenAt, report.IntactCount));
        Assert.True(report.CountsAgree);
        Assert.Contains("no longer matches its hash", sheet);
    }

    [Fact]
    public async Task A_record_edited_and_rehashed_breaks_the_link_of_the_next_one()
    {
        await PortalFactory.SignedInAsync(portal, "support@provider.test");
        await using (var db = portal.OpenAs(Actor.System))
        {
            var second = await db.AcceptanceRecords.AsNoTracking().SingleAsync(r => r.Id == 2);
            second.IpAddress = "198.51.100.66";
            await Sql(TestDatabase.DropTrigger("AcceptanceRecords", "AcceptanceRecords_append_only_update"),
                $"UPDATE \"AcceptanceRecords\" SET \"IpAddress\" = '198.51.100.66', \"Hash\" = '{AcceptanceChain.HashOf(second)}' WHERE \"Id\" = 2");
        }

        var report = await CheckAsync();

        Assert.Equal((ChainFault.LinkMismatch, (long?)3), (report.Fault, report.BrokenAt));
    }

    [Fact]
    public async Task Deleting_the_last_record_leaves_an_intact_chain_that_the_audit_log_contradicts()
    {
        await PortalFactory.SignedInAsync(portal, "support@provider.test");
        long last;
        await using (var db = portal.OpenAs(Actor.System))
            last = await db.AcceptanceRecords.MaxAsync(r => r.Id);
        await Sql(TestDatabase.DropTrigger("AcceptanceRecords", "AcceptanceRecords_append_only_delete"),
            $"DELETE FROM \"AcceptanceRecords\" WHERE \"Id\" = {last}");

        var report = await CheckAsync();

        Assert.True(report.IsIntact);
        Assert.False(report.CountsAgree);
        Assert.Equal((last - 1, last), (report.Records, report.Audited));
    }

    [Fact]
    public async Task A_record_appended_by_the_portal_keeps_the_chain_intact_and_its_CSV_cells_quoted_and_defused()
    {
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        await using (var db = portal.OpenAs(Actor.System))
        {
            var record = await db.AcceptanceRecords.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
            record.UserName = "Dupont, Jean \"JD\"";
            record.UserAgent = "=HYPERLINK(\"https://evil.test\")";
            await AcceptanceLedger.AppendAsync(db, record);
        }

        var csv = Encoding.UTF8.GetString(await support.GetByteArrayAsync("/staff/acceptances/export.csv"));
        var report = await CheckAsync();

        Assert.Contains(",\"Dupont, Jean \"\"JD\"\"\",", csv);
        Assert.Contains(",\"'=HYPERLINK(\"\"https://evil.test\"\")\",", csv);
        Assert.True(report.Holds, $"{report}");
    }

    private async Task Sql(params string[] statements)
    {
        await using var db = portal.OpenAs(Actor.System);
        foreach (var sql in statements) await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<ChainReport> CheckAsync()
    {
        await using var db = portal.OpenAs(Actor.Staff("support", "support@provider.test"));
        return await ChainIntegrity.CheckAsync(db);
    }
}
