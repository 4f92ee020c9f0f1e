using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>Acceptance records and audit entries are evidence: nothing updates or deletes them.</summary>
[Collection(nameof(PortalCollection))]
public sealed class AppendOnlyTests(PortalFactory portal)
{
    [Fact]
    public async Task PortalDb_refuses_to_update_an_acceptance_record()
    {
        await using var db = portal.OpenAs(Actor.System);
        var record = await db.AcceptanceRecords.FirstAsync();
        record.UserEmail = "someone.else@acme.test";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", refused.Message);
    }

    [Fact]
    public async Task PortalDb_refuses_to_delete_an_audit_entry()
    {
        await using var db = portal.OpenAs(Actor.System);
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    // The triggers of each provider's migrations (SQLite: RAISE(ABORT); PostgreSQL: a plpgsql function that raises).
    [Theory]
    [InlineData("UPDATE \"AcceptanceRecords\" SET \"UserEmail\" = 'x@y.test'")]
    [InlineData("DELETE FROM \"AcceptanceRecords\"")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    [InlineData("UPDATE \"AuditEntries\" SET \"Action\" = 'nothing happened'")]
    public async Task The_database_itself_refuses_raw_updates_and_deletes(string sql)
    {
        await using var db = portal.OpenAs(Actor.System);

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Contains("append-only", refused.Message);
        Assert.NotEqual(0, await db.AcceptanceRecords.CountAsync());
    }

    [PostgresOnlyFact("SQLite has no TRUNCATE; PostgreSQL's skips row triggers, so a statement trigger refuses it")]
    public async Task PostgreSQL_refuses_to_truncate_the_evidence()
    {
        await using var db = portal.OpenAs(Actor.System);

        foreach (var sql in new[] { "TRUNCATE \"AcceptanceRecords\" CASCADE", "TRUNCATE \"AuditEntries\"" })
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", refused.Message);
        }
    }
}
