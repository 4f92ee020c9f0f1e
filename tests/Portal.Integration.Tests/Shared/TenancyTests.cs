using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Shared;

/// <summary>A Client's people never see another Client's data, whatever the URL or id they type.</summary>
[Collection(nameof(PortalCollection))]
public sealed class TenancyTests(PortalFactory portal)
{
    [Fact]
    public async Task A_ClientAdmin_who_types_another_Clients_invoice_number_gets_a_404()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        var globexInvoice = await InvoiceNumberOf("Globex GmbH");

        var response = await acme.GetAsync($"/invoices/{globexInvoice}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Globex", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_admin_opens_their_own_invoice()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        var own = await InvoiceNumberOf("Acme Industries SA");

        var response = await acme.GetAsync($"/invoices/{own}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(own, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_invoice_list_shows_only_the_admins_own_Client()
    {
        var globex = await PortalFactory.SignedInAsync(portal, "admin@globex.test");
        var acmeInvoice = await InvoiceNumberOf("Acme Industries SA");

        var page = await globex.GetStringAsync("/invoices");

        Assert.Contains(await InvoiceNumberOf("Globex GmbH"), page);
        Assert.DoesNotContain(acmeInvoice, page);
    }

    /// <summary>
    /// The one tenancy filter, checked on every table that has a ClientId: opened as Acme's admin,
    /// no row of another Client comes back, and Acme's own rows do.
    /// </summary>
    [Fact]
    public async Task Every_client_scoped_table_returns_only_the_own_Clients_rows()
    {
        Guid acmeId;
        await using (var system = portal.OpenAs(Actor.System))
            acmeId = (await system.Clients.SingleAsync(c => c.LegalName == "Acme Industries SA")).Id;
        await using var db = portal.OpenAs(Actor.ClientPerson("test", "admin@acme.test", acmeId));

        var scoped = db.Model.GetEntityTypes().Where(t => t.FindProperty("ClientId") is not null && !t.IsOwned()).ToList();
        Assert.True(scoped.Count >= 12, $"expected the Client-scoped tables, found {scoped.Count}");
        foreach (var type in scoped)
        {
            var rows = await QueryAll(db, type.ClrType);
            var foreign = rows.Where(r => ClientIdOf(r) is { } id && id != acmeId).ToList();
            Assert.True(foreign.Count == 0, $"{type.ClrType.Name}: {foreign.Count} row(s) of another Client visible to Acme");
        }
        Assert.Equal([acmeId], await db.Clients.Select(c => c.Id).ToListAsync());
        Assert.NotEmpty(await db.Invoices.ToListAsync());
        Assert.NotEmpty(await db.InvoiceLines.ToListAsync());
        Assert.All(await db.Users.ToListAsync(), u => Assert.Equal(acmeId, u.ClientId));
    }

    [Fact]
    public async Task A_context_nobody_scoped_reads_no_Client_rows()
    {
        await using var db = portal.OpenAs(Actor.Nobody);

        Assert.Empty(await db.Clients.ToListAsync());
        Assert.Empty(await db.Invoices.ToListAsync());
        Assert.Empty(await db.Payments.ToListAsync());
        Assert.Empty(await db.AcceptanceRecords.ToListAsync());
    }

    private async Task<string> InvoiceNumberOf(string clientName)
    {
        await using var db = portal.OpenAs(Actor.System);
        var clientId = (await db.Clients.SingleAsync(c => c.LegalName == clientName)).Id;
        return (await db.Invoices.FirstAsync(i => i.ClientId == clientId)).Number;
    }

    private static async Task<List<object>> QueryAll(PortalDb db, Type type)
    {
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(type).Invoke(db, null)!;
        return await set.ToListAsync();
    }

    private static Guid? ClientIdOf(object row) => row.GetType().GetProperty("ClientId")?.GetValue(row) as Guid?;
}
