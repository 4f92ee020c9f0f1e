using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>Acceptance records, audit entries and late-charges settlements: nothing updates or deletes them.</summary>
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

    [Fact]
    public async Task A_late_charges_settlement_is_never_changed_by_PortalDb_nor_by_raw_SQL()
    {
        await using (var db = portal.OpenAs(Actor.System))
        {
            var invoice = await db.Invoices.Where(i => !db.LateChargesSettlements.Any(x => x.InvoiceId == i.Id)).OrderBy(i => i.Sequence).FirstAsync();
            db.LateChargesSettlements.Add(new Portal.Domain.Billing.LateChargesSettlement
            {
                ClientId = invoice.ClientId, InvoiceId = invoice.Id, Outcome = Portal.Domain.Billing.LateChargesOutcome.Waived,
                Interest = 1.97m, Indemnity = 40m, Reason = "Goodwill after the bank's error.", DecidedByUserId = "owner",
                DecidedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await using (var db = portal.OpenAs(Actor.System))
        {
            var settlement = await db.LateChargesSettlements.FirstAsync();
            settlement.Reason = "Changed afterwards";
            Assert.Contains("append-only", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message);
        }
        await using (var db = portal.OpenAs(Actor.System))
        {
            foreach (var sql in new[] { "UPDATE \"LateChargesSettlements\" SET \"Reason\" = 'x'", "DELETE FROM \"LateChargesSettlements\"" })
                Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql))).Message);
            Assert.NotEqual(0, await db.LateChargesSettlements.CountAsync());
        }
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
