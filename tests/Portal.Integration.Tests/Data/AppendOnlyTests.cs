using Microsoft.Data.Sqlite;
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

    [Theory]
    [InlineData("UPDATE AcceptanceRecords SET UserEmail = 'x@y.test'")]
    [InlineData("DELETE FROM AcceptanceRecords")]
    [InlineData("DELETE FROM AuditEntries")]
    public async Task The_database_itself_refuses_raw_updates_and_deletes(string sql)
    {
        await using var db = portal.OpenAs(Actor.System);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Contains("append-only", refused.Message);
    }
}
