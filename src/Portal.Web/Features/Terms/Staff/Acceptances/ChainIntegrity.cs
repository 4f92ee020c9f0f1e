using Microsoft.EntityFrameworkCore;
using Portal.Domain.Terms;
using Portal.Web.Data;

namespace Portal.Web.Features.Terms.Staff.Acceptances;

/// <summary>
/// Support's "Verify integrity" (DOMAIN: "an edit or deletion anywhere is detected"): walks the whole
/// chain in Id order, in batches, then compares its length with the audit log, because deleting the
/// last records leaves a shorter chain that is still intact on its own.
/// </summary>
public sealed class ChainIntegrity(PersonDatabase data)
{
    public const int BatchSize = 5_000;

    /// <summary>What the audit trail writes for each appended record (audit entries are append-only too).</summary>
    public const string AddedAction = nameof(AcceptanceRecord) + ".Added";

    public async Task<ChainReport> CheckAsync(IProgress<ChainProgress>? progress = null, CancellationToken ct = default)
    {
        // Support and ProviderAdmins read every Client's records: their scope already covers the whole chain.
        await using var db = await data.OpenAsync();
        return await CheckAsync(db, progress, ct);
    }

    public static async Task<ChainReport> CheckAsync(PortalDb db, IProgress<ChainProgress>? progress = null, CancellationToken ct = default)
    {
        var total = await db.AcceptanceRecords.LongCountAsync(ct);
        var audited = await db.AuditEntries.LongCountAsync(a => a.Action == AddedAction, ct);
        var verifier = new ChainVerifier();
        long lastId = 0, read = 0;
        progress?.Report(new ChainProgress(0, total));
        while (!verifier.IsBroken)
        {
            // Keyset batches: each one starts after the last id read, so every batch is an index seek.
            var batch = await db.AcceptanceRecords.AsNoTracking()
                .Where(r => r.Id > lastId).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var record in batch)
                if (!verifier.Add(record)) break;
            lastId = batch[^1].Id;
            read += batch.Count;
            progress?.Report(new ChainProgress(read, total));
        }
        return new ChainReport(total, audited, verifier.IntactCount, verifier.Fault, verifier.BrokenAt, verifier.FoundId);
    }
}

public sealed record ChainProgress(long Read, long Total)
{
    public double Percent => Total == 0 ? 100 : Math.Min(100, 100.0 * Read / Total);
}

/// <param name="Records">How many records the chain holds.</param>
/// <param name="Audited">How many acceptances the audit log recorded.</param>
public sealed record ChainReport(long Records, long Audited, long IntactCount, ChainFault Fault, long? BrokenAt, long? FoundId)
{
    public bool IsIntact => Fault == ChainFault.None;

    /// <summary>Records deleted (or added behind the portal's back) show here even when what is left links up.</summary>
    public bool CountsAgree => Records == Audited;

    public bool Holds => IsIntact && CountsAgree;
}
