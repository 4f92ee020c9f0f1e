using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Clients;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Clients;

namespace Portal.Integration.Tests.Clients;

/// <summary>Creating Clients, assigning AccountManagers, and the audit entries they write, on a portal of their own.</summary>
public sealed class ClientDirectoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Client NewClient(string name) => new()
    {
        Number = "", LegalName = name, Country = "fr", Address = new PostalAddress("12 quai de Bercy", null, "75012", "Paris", "FR"),
    };

    private static OrderForm NewForm() => new()
    {
        Reference = "OF-2026-099", SignedOn = new DateOnly(2026, 11, 20), EffectiveDate = new DateOnly(2026, 12, 1), SeatCap = 15,
        SyntecBaseIndex = 297.1m, SyntecBaseDate = new DateOnly(2026, 8, 1), PartnerName = "Resell & Co",
        Lines = [new OrderLine { Description = "Portal subscription", Quantity = 1, UnitPriceExclVat = 7200 }],
    };

    [Fact]
    public async Task A_new_Client_continues_the_number_series_and_every_row_it_writes_is_audited_in_the_creators_name()
    {
        var result = await CreateAsAsync("owner@provider.test", NewClient("Umbrella SAS"), NewForm());

        Assert.Empty(result.Problems);
        Assert.Matches(@"^C-\d{4}$", result.Number);
        Assert.True(string.CompareOrdinal(result.Number, "C-0003") > 0, result.Number);
        await using var db = portal.OpenAs(Actor.System);
        var client = await db.Clients.Include(c => c.OrderForms).ThenInclude(o => o.Lines).SingleAsync(c => c.Number == result.Number);
        Assert.Equal("FR", client.Country);
        var entries = await db.AuditEntries.Where(e => e.ClientId == client.Id).ToListAsync();
        Assert.Contains(entries, e => e.Action == "Client.Added" && e.ActorEmail == "owner@provider.test" && e.After!.Contains("Umbrella SAS"));
        Assert.Contains(entries, e => e.Action == "OrderForm.Added" && e.After!.Contains("OF-2026-099"));
        Assert.Contains(await db.AuditEntries.Where(e => e.Action == "OrderLine.Added").ToListAsync(), e => e.After!.Contains("7200"));
    }

    [Fact]
    public async Task A_refused_order_form_says_what_to_fix_and_saves_nothing()
    {
        var before = await CountAsync(db => db.Clients.CountAsync());
        var form = NewForm();
        form.EffectiveDate = form.SignedOn.AddDays(-1);
        form.SeatCap = 0;

        var result = await CreateAsAsync("owner@provider.test", NewClient("Initrode SARL"), form);

        Assert.Null(result.Number);
        Assert.Contains(result.Problems, p => p.Message == "The effective date cannot be before the date the order form was signed.");
        Assert.Contains(result.Problems, p => p.Message == "The seat cap must be at least 1 named User.");
        Assert.Equal(before, await CountAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task Support_cannot_create_a_Client_and_an_AccountManager_who_does_is_assigned_to_it()
    {
        var refused = await CreateAsAsync("support@provider.test", NewClient("Soylent SA"), NewForm());
        var created = await CreateAsAsync("am@provider.test", NewClient("Hooli SAS"), NewForm());

        Assert.Null(refused.Number);
        Assert.NotNull(created.Number);
        await using var scope = await portal.ScopeAsAsync("am@provider.test");
        var details = await scope.ServiceProvider.GetRequiredService<ClientDirectory>().DetailsAsync(created.Number!);
        Assert.True(details!.MayActFor);
        Assert.Contains(details.AccountManagers, a => a.Name == "Camille Laurent");
    }

    [Fact]
    public async Task Only_a_ProviderAdmin_assigns_and_the_assignment_lets_the_AccountManager_act()
    {
        var globex = await GlobexIdAsync();
        var amId = await UserIdAsync("am@provider.test");

        await using (var asAm = await portal.ScopeAsAsync("am@provider.test"))
        {
            var directory = asAm.ServiceProvider.GetRequiredService<ClientDirectory>();
            Assert.Equal("Only Provider administrators can assign Account Managers.", await directory.SetAssignmentAsync(globex, amId, true));
            // Not assigned: Globex is not there at all for this AccountManager (DOMAIN "People").
            Assert.Null(await directory.DetailsAsync("C-0002"));
        }
        await using (var asOwner = await portal.ScopeAsAsync("owner@provider.test"))
            Assert.Null(await asOwner.ServiceProvider.GetRequiredService<ClientDirectory>().SetAssignmentAsync(globex, amId, true));
        await using (var asAm = await portal.ScopeAsAsync("am@provider.test"))
            Assert.True((await asAm.ServiceProvider.GetRequiredService<ClientDirectory>().DetailsAsync("C-0002"))!.MayActFor);

        await using var db = portal.OpenAs(Actor.System);
        Assert.Contains(await db.AuditEntries.Where(e => e.Action == "ClientAssignment.Added" && e.ClientId == globex).ToListAsync(),
            e => e.ActorEmail == "owner@provider.test");
    }

    [Fact]
    public async Task The_list_finds_a_Client_by_part_of_its_name_and_filters_by_AccountManager_and_overdue_invoices()
    {
        await using var scope = await portal.ScopeAsAsync("am@provider.test");
        var directory = scope.ServiceProvider.GetRequiredService<ClientDirectory>();
        var amId = await UserIdAsync("am@provider.test");

        Assert.Equal(["Acme Industries SA"], (await directory.SearchAsync(new(Text: "acme"))).Select(r => r.Name));
        Assert.Equal(["C-0001"], (await directory.SearchAsync(new(Text: "0001"))).Select(r => r.Number));
        var mine = await directory.SearchAsync(new(AccountManagerId: amId));
        Assert.Contains("Acme Industries SA", mine.Select(r => r.Name));
        Assert.All(mine, r => Assert.Contains("Camille Laurent", r.AccountManagers));
        Assert.Contains("Acme Industries SA", (await directory.SearchAsync(new(Overdue: true))).Select(r => r.Name));
        Assert.Empty(await directory.SearchAsync(new(Text: "acme", OpenNotices: true)));
    }

    [Fact]
    public async Task Support_reads_and_exports_the_audit_log_filtered_on_the_server_and_an_AccountManager_cannot()
    {
        await CreateAsAsync("owner@provider.test", NewClient("Vandelay Industries SARL"), NewForm());
        await using (var scope = await portal.ScopeAsAsync("support@provider.test"))
        {
            var (rows, total) = await scope.ServiceProvider.GetRequiredService<AuditLog>().PageAsync(new(Person: "owner@", Kind: "Client"), 0, 10);
            Assert.True(total >= 1);
            Assert.All(rows, r => Assert.Equal("owner@provider.test", r.ActorEmail));
            Assert.All(rows, r => Assert.Equal("Client", r.EntityType));
        }

        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        var csv = await support.GetAsync("/staff/audit/export.csv?kind=Client&person=owner@");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("\uFEFFEntry,When (UTC),Who,On behalf of,Client,Action", text);
        Assert.Contains("Vandelay Industries SARL", text);
        Assert.DoesNotContain("OrderForm.Added", text);

        var am = await PortalFactory.SignedInAsync(portal, "am@provider.test");
        Assert.NotEqual(HttpStatusCode.OK, (await am.GetAsync("/staff/audit/export.csv")).StatusCode);
    }

    private async Task<CreateClientResult> CreateAsAsync(string email, Client client, OrderForm form)
    {
        await using var scope = await portal.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<ClientDirectory>().CreateAsync(client, form);
    }

    private async Task<Guid> GlobexIdAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.Clients.Where(c => c.Number == "C-0002").Select(c => c.Id).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> CountAsync(Func<PortalDb, Task<int>> count)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await count(db);
    }
}
