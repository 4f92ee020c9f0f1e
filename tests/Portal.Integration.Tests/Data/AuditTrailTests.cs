using Microsoft.EntityFrameworkCore;
using Portal.Domain.Clients;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Data;

[Collection(nameof(PortalCollection))]
public sealed class AuditTrailTests(PortalFactory portal)
{
    [Fact]
    public async Task A_change_is_audited_with_who_when_what_before_and_after()
    {
        Guid acmeId;
        await using (var system = portal.OpenAs(Actor.System))
            acmeId = (await system.Clients.SingleAsync(c => c.LegalName == "Acme Industries SA")).Id;
        await using (var db = portal.OpenAs(Actor.ClientPerson("u-1", "admin@acme.test", acmeId)))
        {
            var contact = await db.BillingContacts.FirstAsync();
            contact.Email = "factures@acme.test";
            await db.SaveChangesAsync();
        }

        await using var check = portal.OpenAs(Actor.System);
        var entry = await check.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.EntityType == nameof(BillingContact));
        Assert.Equal("BillingContact.Modified", entry.Action);
        Assert.Equal("admin@acme.test", entry.ActorEmail);
        Assert.Equal(acmeId, entry.ClientId);
        Assert.Contains("comptabilite@acme.test", entry.Before);
        Assert.Contains("factures@acme.test", entry.After);
    }

    [Fact]
    public async Task Password_hashes_never_reach_the_audit_log()
    {
        await using var db = portal.OpenAs(Actor.System);

        var userEntries = await db.AuditEntries.Where(a => a.EntityType == nameof(PortalUser)).ToListAsync();

        Assert.NotEmpty(userEntries);
        Assert.All(userEntries, e => Assert.DoesNotContain("PasswordHash", e.After ?? ""));
    }
}
