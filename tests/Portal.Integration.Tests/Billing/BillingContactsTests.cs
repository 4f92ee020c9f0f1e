using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Clients;
using Portal.Web.Data;
using Portal.Web.Features.Billing;

namespace Portal.Integration.Tests.Billing;

/// <summary>
/// A ClientAdmin names the accounts-payable addresses that receive each invoice, on a portal of their own (they add
/// and remove contacts). Demo data: Acme's contact is comptabilite@acme.test, Globex's ap@globex.test.
/// </summary>
public sealed class BillingContactsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<T> AsAsync<T>(string email, Func<BillingContacts, Task<T>> act, string? impersonatedBy = null)
    {
        await using var scope = await portal.ScopeAsAsync(email, impersonatedBy);
        return await act(scope.ServiceProvider.GetRequiredService<BillingContacts>());
    }

    private async Task<List<(string Client, string Email, string? Name)>> AllContactsAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        return (await db.BillingContacts.AsNoTracking().Join(db.Clients, c => c.ClientId, c => c.Id, (b, c) => new { c.LegalName, b.Email, b.Name })
            .ToListAsync()).Select(x => (x.LegalName, x.Email, x.Name)).ToList();
    }

    private async Task<int> ContactIdAsync(string email)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.BillingContacts.Where(c => c.Email == email).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task An_admin_adds_an_address_it_is_stored_in_lower_case_for_their_Client_and_shown_on_the_invoices_page()
    {
        var result = await AsAsync("admin@acme.test", c => c.AddAsync("  Factures@Acme.TEST ", "Service factures"));

        Assert.True(result.Saved, result.Error);
        Assert.Contains(("Acme Industries SA", "factures@acme.test", (string?)"Service factures"), await AllContactsAsync());
        var page = WebUtility.HtmlDecode(await (await PortalFactory.SignedInAsync(portal, "admin@acme.test")).GetStringAsync("/invoices"));
        Assert.Contains("factures@acme.test", page);
        Assert.Contains("Service factures", page);
    }

    [Fact]
    public async Task The_same_address_in_another_case_is_refused_with_a_message_and_nothing_is_added()
    {
        var before = await AllContactsAsync();

        var result = await AsAsync("admin@acme.test", c => c.AddAsync("COMPTABILITE@acme.test", null));

        Assert.False(result.Saved);
        Assert.Equal("This address already receives your invoices.", result.Error);
        Assert.Equal(before.Count, (await AllContactsAsync()).Count);
    }

    [Fact]
    public async Task A_malformed_address_is_refused_with_what_to_fix()
    {
        var result = await AsAsync("admin@acme.test", c => c.AddAsync("accounts at acme.test", null));

        Assert.False(result.Saved);
        Assert.StartsWith("This is not a valid e-mail address", result.Error);
    }

    [Fact]
    public async Task Another_Clients_contact_can_be_neither_seen_nor_removed()
    {
        var globexContact = await ContactIdAsync("ap@globex.test");

        var view = await AsAsync("admin@acme.test", c => c.ViewAsync());
        var error = await AsAsync("admin@acme.test", c => c.RemoveAsync(globexContact));

        Assert.DoesNotContain(view.Contacts, c => c.Email == "ap@globex.test");
        Assert.Equal(["admin@acme.test"], view.Administrators);
        Assert.Equal("This billing contact no longer exists: the list has been refreshed.", error);
        Assert.Contains(await AllContactsAsync(), c => c.Email == "ap@globex.test");
    }

    [Fact]
    public async Task An_admin_removes_their_own_contact()
    {
        var added = (await AsAsync("admin@globex.test", c => c.AddAsync("ap-backup@globex.test", null))).Contact!;

        var error = await AsAsync("admin@globex.test", c => c.RemoveAsync(added.Id));

        Assert.Null(error);
        Assert.DoesNotContain(await AllContactsAsync(), c => c.Email == "ap-backup@globex.test");
    }

    [Fact]
    public async Task Nobody_changes_the_contacts_while_impersonating_an_admin()
    {
        var before = await AllContactsAsync();
        var acmeContact = await ContactIdAsync("comptabilite@acme.test");

        var add = await AsAsync("admin@acme.test", c => c.AddAsync("staff-choice@acme.test", null), impersonatedBy: "am@provider.test");
        var remove = await AsAsync("admin@acme.test", c => c.RemoveAsync(acmeContact), impersonatedBy: "am@provider.test");

        Assert.False(add.Saved);
        Assert.StartsWith("Billing contacts cannot be changed while acting for a Client", add.Error);
        Assert.StartsWith("Billing contacts cannot be changed while acting for a Client", remove);
        Assert.Equal(before, await AllContactsAsync());
    }

    [Fact]
    public async Task A_ClientUser_cannot_change_the_contacts()
    {
        var result = await AsAsync("user@acme.test", c => c.AddAsync("ap3@acme.test", null));

        Assert.False(result.Saved);
        Assert.Equal("Only your company's administrators can change the billing contacts.", result.Error);
    }

    [Fact]
    public async Task An_eleventh_contact_is_refused()
    {
        var existing = (await AsAsync("admin@initech.test", c => c.ViewAsync())).Contacts.Count;
        for (var n = existing; n < BillingContactEntry.MaxContacts; n++)
            Assert.True((await AsAsync("admin@initech.test", c => c.AddAsync($"ap{n}@initech.test", null))).Saved);

        var result = await AsAsync("admin@initech.test", c => c.AddAsync("one-too-many@initech.test", null));

        Assert.Equal("You can name at most 10 billing contacts: remove one first.", result.Error);
    }
}
