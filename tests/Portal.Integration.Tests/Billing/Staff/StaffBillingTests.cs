using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Billing;
using Portal.Web.Data;
using Portal.Web.Features.Billing.Staff;

namespace Portal.Integration.Tests.Billing.Staff;

/// <summary>
/// Payments, credit notes, issuance and price revision from the staff side, each through the service a page calls:
/// an AccountManager acts for the Clients assigned to them (Acme, Initech), not for Globex; Support only reads.
/// </summary>
public sealed class StaffBillingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string AccountManager = "am@provider.test";

    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = await portal.ScopeAsAsync(email);
        return await act(scope.ServiceProvider);
    }

    private Task<T> Billing<T>(string email, Func<Receivables, Task<T>> act) => AsAsync(email, sp => act(sp.GetRequiredService<Receivables>()));

    private async Task<Invoice> InvoiceAsync(string number)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.Invoices.Include(i => i.Lines).Include(i => i.Payments).SingleAsync(i => i.Number == number);
    }

    [Fact]
    public async Task The_account_manager_records_a_partial_payment_and_a_too_large_one_is_refused_with_nothing_saved()
    {
        var invoice = await InvoiceAsync("INV-000002");
        var before = invoice.Payments.Count;

        var tooMuch = await Billing(AccountManager, b => b.RecordPaymentAsync("INV-000002", PaymentKind.Payment, invoice.AmountOutstanding + 1, b.Today, null));
        var partial = await Billing(AccountManager, b => b.RecordPaymentAsync("INV-000002", PaymentKind.Payment, 1_000m, b.Today, "VIR-2026-118"));

        Assert.Contains("is more than the", tooMuch);
        Assert.Null(partial);
        var after = await InvoiceAsync("INV-000002");
        Assert.Equal(before + 1, after.Payments.Count);
        Assert.Equal(invoice.AmountOutstanding - 1_000m, after.AmountOutstanding);
        await using var db = portal.OpenAs(Actor.System);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Payment.Added" && a.ActorEmail == AccountManager));
    }

    [Fact]
    public async Task An_AccountManager_finds_no_invoice_of_a_Client_not_assigned_to_them()
    {
        // Globex is not assigned to this AccountManager: its invoices are not there for them (DOMAIN "People").
        var refusal = await Billing(AccountManager, b => b.RecordPaymentAsync("INV-000003", PaymentKind.Payment, 1m, b.Today, null));
        var credit = await Billing(AccountManager, b => b.IssueCreditNoteAsync("INV-000003", [new CreditedLine(0, 1)]));

        Assert.Equal("There is no invoice INV-000003.", refusal);
        Assert.Equal(refusal, credit.Refusal);
        Assert.Null(await Billing(AccountManager, b => b.FindAsync("INV-000003")));
    }

    [Theory]
    [InlineData("support@provider.test", "INV-000002")] // Support reads only
    public async Task Staff_who_may_not_act_for_the_Client_are_refused(string email, string number)
    {
        var refusal = await Billing(email, b => b.RecordPaymentAsync(number, PaymentKind.Payment, 1m, b.Today, null));
        var credit = await Billing(email, b => b.IssueCreditNoteAsync(number, [new CreditedLine(0, 1)]));
        var view = await Billing(email, b => b.FindAsync(number));

        Assert.Equal("Only the Client's AccountManager or a ProviderAdmin may do this.", refusal);
        Assert.Equal(refusal, credit.Refusal);
        Assert.False(view!.MayAct);
    }

    [Fact]
    public async Task A_credit_note_from_the_staff_page_settles_the_invoice_it_corrects()
    {
        var draft = await Billing("owner@provider.test", b => b.IssueCreditNoteAsync("INV-000004", [new CreditedLine(0, 1)]));

        Assert.True(draft.IsAllowed, draft.Refusal);
        var invoice = await InvoiceAsync("INV-000004");
        var settlement = Assert.Single(invoice.Payments, p => p.Kind == PaymentKind.CreditNote);
        Assert.Equal((draft.CreditNote!.Number, draft.CreditNote.TotalInclVat), (settlement.Reference, settlement.Amount));
        var view = await Billing("owner@provider.test", b => b.FindAsync(draft.CreditNote.Number));
        Assert.Equal("INV-000004", Assert.Single(view!.Related).Number);
    }

    [Fact]
    public async Task The_staff_list_filters_by_status_and_search_and_pages_on_the_server()
    {
        var (overdue, count) = await Billing("support@provider.test", b => b.ListAsync(new StaffInvoiceFilter(Status: InvoiceStatus.Overdue), 0, 10));
        var (acme, _) = await Billing("support@provider.test", b => b.ListAsync(new StaffInvoiceFilter(Search: "Acme"), 0, 10));
        var (page, total) = await Billing("support@provider.test", b => b.ListAsync(new StaffInvoiceFilter(), 1, 2));

        Assert.Contains(overdue, r => r.Invoice.Number == "INV-000002");
        Assert.All(overdue, r => Assert.Equal(InvoiceStatus.Overdue, r.Status));
        Assert.Equal(count, overdue.Count);
        Assert.All(acme, r => Assert.Equal("Acme Industries SA", r.ClientName));
        Assert.Equal(2, page.Count);
        Assert.True(total >= 5);
    }

    [Fact]
    public async Task The_account_managers_issue_button_issues_nothing_twice_and_only_for_their_Clients()
    {
        var issued = await Billing(AccountManager, b => b.IssueDueAsync());

        // The demo data issued everything due today; Globex (not theirs) is never touched from here.
        Assert.Empty(issued);
    }

    [Fact]
    public async Task A_price_revision_is_previewed_applied_once_and_announced_to_the_Clients_administrators()
    {
        var acme = await AsAsync(AccountManager, sp => sp.GetRequiredService<PriceRevisions>().ClientsAsync());
        var acmeId = Assert.Single(acme, c => c.Number == "C-0001").Id;
        Assert.DoesNotContain(acme, c => c.Number == "C-0002");

        var desk = await AsAsync(AccountManager, sp => sp.GetRequiredService<PriceRevisions>().PrepareAsync(acmeId));
        var refusedZero = await AsAsync(AccountManager, sp => sp.GetRequiredService<PriceRevisions>().ApplyAsync(acmeId, 0m));
        var applied = await AsAsync(AccountManager, sp => sp.GetRequiredService<PriceRevisions>().ApplyAsync(acmeId, 305.2m));
        var twice = await AsAsync(AccountManager, sp => sp.GetRequiredService<PriceRevisions>().ApplyAsync(acmeId, 306m));

        Assert.Null(desk!.Refusal);
        Assert.Equal(296.3m, desk.PreviousIndex);
        Assert.Equal("Enter both Syntec index values: each must be greater than zero.", refusedZero);
        Assert.Null(applied);
        Assert.Equal("Prices are already revised for this anniversary.", twice);
        await using var db = portal.OpenAs(Actor.System);
        var revision = await db.PriceRevisions.SingleAsync(r => r.ClientId == acmeId);
        Assert.Equal((desk.Anniversary, 296.3m, 305.2m), (revision.Anniversary, revision.PreviousIndex, revision.NewIndex));
        Assert.True(await db.OutboxEmails.AnyAsync(e => e.ToEmail == "admin@acme.test" && e.Subject == "Révision annuelle de vos prix"));
    }
}
