using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Terms;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Terms;

namespace Portal.Integration.Tests.Terms;

/// <summary>SEO §20.1: a Client that did not terminate within an amendment's notice month is deemed to accept it.</summary>
public sealed class DeemedAcceptanceJobTests
{
    private static readonly DateTimeOffset Seeded = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task After_the_notice_month_Acme_and_Globex_are_deemed_to_accept_the_amendment_once_and_the_chain_holds()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        var amendment = await AmendmentAsync(portal);
        Assert.Equal(Seeded.AddDays(-10), amendment.PublishedAt); // the demo data follows the test's clock
        portal.Clock.Set(amendment.PublishedAt.AddDays(31));

        var job = portal.Get<DeemedAcceptanceJob>();
        Assert.Equal(2, await job.RunOnceAsync());

        await using var db = await portal.OpenAsSystemAsync();
        var deemed = await DeemedRecordsAsync(db);
        Assert.Equal(["C-0001", "C-0002"], deemed.Select(d => d.Client).Order());
        Assert.All(deemed, d =>
        {
            Assert.Equal(amendment.Id, d.Record.DocumentVersionId);
            Assert.Equal("2026_11", d.Record.VersionLabel);
            Assert.Equal(DocumentType.GeneralTermsAndConditions, d.Record.DocumentType);
            Assert.Equal(amendment.ContentSha256, d.Record.ContentSha256);
            Assert.Equal(amendment.EffectiveAt, d.Record.AcceptedAt);
            Assert.Null(d.Record.UserId);
            Assert.Null(d.Record.UserEmail);
            Assert.Null(d.Record.IpAddress);
            Assert.Null(d.Record.CheckboxWording);
        });
        Assert.True(await ChainIsIntactAsync(db));

        Assert.Equal(0, await job.RunOnceAsync());
        Assert.Equal(2, (await DeemedRecordsAsync(db)).Count);
    }

    [Fact]
    public async Task Nothing_is_deemed_before_the_notice_month_ends()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        var amendment = await AmendmentAsync(portal);
        var job = portal.Get<DeemedAcceptanceJob>();

        Assert.Equal(0, await job.RunOnceAsync());
        portal.Clock.Set(amendment.EffectiveAt.AddMilliseconds(-1));
        Assert.Equal(0, await job.RunOnceAsync());

        portal.Clock.Set(amendment.EffectiveAt);
        Assert.Equal(2, await job.RunOnceAsync());
    }

    [Fact]
    public async Task A_Client_that_cited_the_amendment_in_a_termination_notice_is_not_deemed_to_accept_it()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        var amendment = await AmendmentAsync(portal);
        await using (var db = await portal.OpenAsSystemAsync())
        {
            var clients = await db.Clients.ToDictionaryAsync(c => c.Number, c => c.Id);
            db.TerminationNotices.AddRange(
                AmendmentNotice(clients["C-0001"], amendment.Id, TerminationStatus.Filed),
                // A withdrawn notice terminates nothing: Globex stays bound and is deemed to accept.
                AmendmentNotice(clients["C-0002"], amendment.Id, TerminationStatus.Withdrawn));
            await db.SaveChangesAsync();
        }
        portal.Clock.Set(amendment.EffectiveAt.AddDays(1));

        Assert.Equal(1, await portal.Get<DeemedAcceptanceJob>().RunOnceAsync());

        await using var check = await portal.OpenAsSystemAsync();
        Assert.Equal(["C-0002"], (await DeemedRecordsAsync(check)).Select(d => d.Client));
    }

    [Fact]
    public async Task A_Client_whose_access_is_closed_is_left_alone()
    {
        using var portal = new ClockedPortalFactory(Seeded);
        var amendment = await AmendmentAsync(portal);
        await using (var db = await portal.OpenAsSystemAsync())
        {
            var acme = await db.Clients.SingleAsync(c => c.Number == "C-0001");
            acme.AccessClosedAt = Seeded;
            await db.SaveChangesAsync();
        }
        portal.Clock.Set(amendment.EffectiveAt.AddDays(1));

        Assert.Equal(1, await portal.Get<DeemedAcceptanceJob>().RunOnceAsync());

        await using var check = await portal.OpenAsSystemAsync();
        Assert.Equal(["C-0002"], (await DeemedRecordsAsync(check)).Select(d => d.Client));
    }

    [Fact]
    public async Task An_instance_that_loses_the_race_to_another_writes_nothing_twice_and_the_chain_holds()
    {
        // The other instance runs in full just after this one has read Acme's records, before it appends.
        var race = new RunAnotherInstanceFirst();
        using var portal = new ClockedPortalFactory(Seeded, configure: s => s.ConfigureDbContext<PortalDb>(o => o.AddInterceptors(race)));
        var amendment = await AmendmentAsync(portal);
        portal.Clock.Set(amendment.EffectiveAt.AddDays(1));
        race.Other = ActivatorUtilities.CreateInstance<DeemedAcceptanceJob>(portal.Services);

        var late = await portal.Get<DeemedAcceptanceJob>().RunOnceAsync();

        Assert.Equal((0, 2), (late, race.OtherWrote));
        await using var db = await portal.OpenAsSystemAsync();
        Assert.Equal(["C-0001", "C-0002"], (await DeemedRecordsAsync(db)).Select(d => d.Client).Order());
        Assert.True(await ChainIsIntactAsync(db));
    }

    private sealed class RunAnotherInstanceFirst : DbCommandInterceptor
    {
        private int started;
        public DeemedAcceptanceJob? Other { get; set; }
        public int OtherWrote { get; private set; }

        // The job reads a Client's termination notices after its acceptance records and before it appends.
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            if (Other is not null && command.CommandText.Contains("FROM \"TerminationNotices\"") && Interlocked.Exchange(ref started, 1) == 0)
                OtherWrote = await Other.RunOnceAsync(ct);
            return result;
        }
    }

    private static async Task<DocumentVersion> AmendmentAsync(ClockedPortalFactory portal)
    {
        await using var db = await portal.OpenAsSystemAsync();
        return await db.DocumentVersions.AsNoTracking()
            .SingleAsync(v => v.Type == DocumentType.GeneralTermsAndConditions && v.Label == "2026_11");
    }

    private static async Task<List<(string Client, AcceptanceRecord Record)>> DeemedRecordsAsync(PortalDb db)
    {
        var numbers = await db.Clients.ToDictionaryAsync(c => c.Id, c => c.Number);
        var records = await db.AcceptanceRecords.AsNoTracking()
            .Where(r => r.Method == AcceptanceMethod.DeemedAfterNotice).OrderBy(r => r.Id).ToListAsync();
        return records.Select(r => (numbers[r.ClientId], r)).ToList();
    }

    private static async Task<bool> ChainIsIntactAsync(PortalDb db) =>
        AcceptanceChain.Verify(await db.AcceptanceRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync()).IsIntact;

    private static TerminationNotice AmendmentNotice(Guid clientId, Guid versionId, TerminationStatus status)
    {
        var notice = new TerminationNotice
        {
            ClientId = clientId, Kind = TerminationKind.Amendment, FiledAt = Seeded, FiledByUserId = "test",
            CitedDocumentVersionId = versionId, EffectiveOn = DateOnly.FromDateTime(Seeded.AddMonths(3).UtcDateTime),
        };
        if (status == TerminationStatus.Withdrawn)
            Assert.Null(notice.Withdraw(DateOnly.FromDateTime(Seeded.UtcDateTime), Seeded));
        Assert.Equal(status, notice.Status);
        return notice;
    }
}
