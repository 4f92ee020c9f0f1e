using Microsoft.EntityFrameworkCore;
using Portal.Domain.Staff;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Jobs;

namespace Portal.Web.Features.Terms;

/// <summary>
/// SEO §20.1: when an amendment's notice month ends, every Client that was bound by an earlier version and
/// did not terminate is deemed to have accepted it. At start-up and then hourly, this job writes those
/// DeemedAfterNotice records into the acceptance chain, once per Client and version.
/// </summary>
public sealed class DeemedAcceptanceJob(
    IDbContextFactory<PortalDb> factory,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<PortalOptions> portalOptions, JobLeases leases,
    ILogger<DeemedAcceptanceJob> log) : PortalJob(clock, portalOptions, leases, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<bool> RoundAsync(CancellationToken abort)
    {
        await RunOnceAsync(abort);
        return false;
    }

    /// <summary>Records every deemed acceptance now due, for every Client under contract; returns how many were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        List<DocumentVersion> versions;
        List<Guid> clientIds;
        await using (var db = await factory.OpenAsSystemAsync(Clock))
        {
            versions = await db.DocumentVersions.AsNoTracking().ToListAsync(ct);
            clientIds = await db.Clients.Where(c => c.AccessClosedAt == null && c.OrderForms.Any())
                .OrderBy(c => c.Number).Select(c => c.Id).ToListAsync(ct);
        }

        var written = 0;
        foreach (var clientId in clientIds)
            written += await RecordDueForAsync(clientId, versions, ct);
        return written;
    }

    private async Task<int> RecordDueForAsync(Guid clientId, List<DocumentVersion> versions, CancellationToken ct)
    {
        await using var db = await factory.OpenAsSystemAsync(Clock);
        var records = await db.AcceptanceRecords.AsNoTracking().Where(r => r.ClientId == clientId).ToListAsync(ct);
        var cited = await db.TerminationNotices.Where(n => n.ClientId == clientId).VersionsTerminatedOverAsync(ct);

        var written = 0;
        foreach (var version in ClientAcceptance.DeemedAcceptanceDue(versions, records, cited, Clock.GetUtcNow()).OrderBy(v => v.EffectiveAt))
        {
            var record = new AcceptanceRecord
            {
                ClientId = clientId,
                DocumentType = version.Type,
                DocumentVersionId = version.Id,
                VersionLabel = version.Label,
                ContentSha256 = version.ContentSha256,
                Method = AcceptanceMethod.DeemedAfterNotice,
                // Deemed accepted at the moment the notice month ended, not when this job happened to notice it.
                AcceptedAt = version.EffectiveAt,
                PreviousHash = "",
                Hash = "",
            };
            try
            {
                await AcceptanceLedger.AppendAsync(db, record, ct);
                written++;
                log.LogInformation("Client {ClientId} deemed to accept {Type} {Label} at {At:u}", clientId, version.Type, version.Label, version.EffectiveAt);
            }
            catch (DbUpdateException) when (!ct.IsCancellationRequested)
            {
                // Another instance recorded it first (the unique index on deemed records refused the second one).
                Forget(db, record);
                if (!await DeemedRecordExistsAsync(db, clientId, version.Id, ct)) throw;
                log.LogInformation("Client {ClientId}: deemed acceptance of {Label} was already recorded by another instance", clientId, version.Label);
            }
        }
        return written;
    }

    private static void Forget(PortalDb db, AcceptanceRecord record)
    {
        db.Entry(record).State = EntityState.Detached;
        foreach (var audit in db.ChangeTracker.Entries<AuditEntry>().Where(a => a.State == EntityState.Added).ToList())
            audit.State = EntityState.Detached;
    }

    private static Task<bool> DeemedRecordExistsAsync(PortalDb db, Guid clientId, Guid versionId, CancellationToken ct) =>
        db.AcceptanceRecords.AnyAsync(r => r.ClientId == clientId && r.DocumentVersionId == versionId
                                           && r.Method == AcceptanceMethod.DeemedAfterNotice, ct);
}
