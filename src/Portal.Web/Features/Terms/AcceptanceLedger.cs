using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Staff;
using Portal.Domain.Terms;
using Portal.Web.Data;

namespace Portal.Web.Features.Terms;

/// <summary>
/// Appends acceptance records to the one chain shared by every Client. Two appends that race for the
/// same position collide on the primary key; the loser re-reads the tail and links after the winner,
/// so the chain stays intact (issue #4: two admins accepting at once get one record each).
/// </summary>
public static class AcceptanceLedger
{
    private const int Attempts = 8;

    /// <summary>Seals <paramref name="record"/> after the current tail and saves it with the context's other pending changes.</summary>
    public static async Task AppendAsync(PortalDb db, AcceptanceRecord record, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The tail of the whole chain, not only this Client's part of it.
            var tail = await db.AcceptanceRecords.IgnoreQueryFilters().AsNoTracking()
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            AcceptanceChain.Seal(record, tail);
            db.AcceptanceRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < Attempts && IsConflict(e))
            {
                // Forget this attempt's record and the audit entries written for it, then link again.
                db.Entry(record).State = EntityState.Detached;
                foreach (var audit in db.ChangeTracker.Entries<AuditEntry>().Where(a => a.State == EntityState.Added).ToList())
                    audit.State = EntityState.Detached;
            }
        }
    }

    // Only a race for the same position (the primary key) is retried; any other constraint is the caller's to handle.
    // SQLite: SQLITE_CONSTRAINT_PRIMARYKEY (1555); PostgreSQL: unique_violation (23505) on the primary key.
    private static bool IsConflict(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == 1555,
        { } other => other.GetType().GetProperty("SqlState")?.GetValue(other) as string == "23505"
                     && other.GetType().GetProperty("ConstraintName")?.GetValue(other) as string == "PK_AcceptanceRecords",
        _ => false,
    };
}
