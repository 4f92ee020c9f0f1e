using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Terms;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Integration.Tests.Terms;

/// <summary>
/// The append-only acceptance chain under concurrency: appends racing for the same tail (one chain across Clients)
/// each end up at their own position, linked, and the audit log counts every one. Runs on both databases.
/// </summary>
public sealed class AcceptanceLedgerRaceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Six_appends_racing_for_the_tail_each_get_their_own_position_and_the_chain_holds()
    {
        long before;
        Portal.Domain.Terms.AcceptanceRecord template;
        await using (var db = portal.OpenAs(Actor.System))
        {
            before = await db.AcceptanceRecords.CountAsync();
            template = await db.AcceptanceRecords.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
        }

        var start = new TaskCompletionSource();
        var appends = Enumerable.Range(1, 6).Select(n => Task.Run(async () =>
        {
            await using var db = portal.OpenAs(Actor.System);
            var record = await db.AcceptanceRecords.AsNoTracking().SingleAsync(r => r.Id == template.Id);
            record.UserEmail = $"racer{n}@acme.test";
            await start.Task;
            await AcceptanceLedger.AppendAsync(db, record);
            return record.Id;
        })).ToList();
        start.SetResult();
        var positions = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range((int)before + 1, 6).Select(i => (long)i), positions.Order());
        await using var check = portal.OpenAs(Actor.Staff("support", "support@provider.test"));
        var report = await ChainIntegrity.CheckAsync(check);
        Assert.True(report.Holds, $"{report}");
        Assert.Equal(before + 6, report.Records);
    }
}
