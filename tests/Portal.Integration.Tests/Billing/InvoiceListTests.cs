using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Billing;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Billing;

/// <summary>
/// The Client's invoice list: filtered by status and year through the address, with the sums owed in the view and in
/// all, and the late charges of an overdue invoice. Demo data: Acme's first invoice is paid, its second overdue.
/// </summary>
[Collection(nameof(PortalCollection))]
public sealed class InvoiceListTests(PortalFactory portal)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private async Task<List<Invoice>> AcmeInvoicesAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .Where(i => i.BuyerLegalName == "Acme Industries SA").OrderBy(i => i.Sequence).ToListAsync();
    }

    private async Task<InvoiceList> ListAsAcmeAsync(string? status, int? year)
    {
        await using var scope = await portal.ScopeAsAsync("admin@acme.test");
        return await scope.ServiceProvider.GetRequiredService<InvoiceQueries>().ListAsync(InvoiceFilter.Parse(status, year));
    }

    private async Task<string> PageAsync(string email, string url) =>
        WebUtility.HtmlDecode(await (await PortalFactory.SignedInAsync(portal, email)).GetStringAsync(url));

    [Fact]
    public async Task Overdue_keeps_Acmes_unpaid_invoice_and_the_sums_for_all_its_invoices_stay_beside_the_views()
    {
        var acme = await AcmeInvoicesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var overdue = acme.Where(i => i.StatusOn(today) == InvoiceStatus.Overdue).ToList();

        var list = await ListAsAcmeAsync("overdue", null);
        var paid = await ListAsAcmeAsync("paid", null);

        Assert.NotEmpty(overdue);
        Assert.Equal(overdue.Select(i => i.Number).Reverse(), list.Shown.Select(i => i.Number));
        Assert.Equal(overdue.Sum(i => i.AmountOutstanding), list.ShownTotals.Overdue);
        // Another Client's invoices count nowhere: the totals of all are Acme's own.
        Assert.Equal(new InvoiceTotals(acme.Sum(i => i.AmountOutstanding), overdue.Sum(i => i.AmountOutstanding)), list.AllTotals);
        Assert.Equal(list.AllTotals, paid.AllTotals);
        Assert.Equal(new InvoiceTotals(0m, 0m), paid.ShownTotals);
        Assert.Equal(acme.Select(i => i.IssuedOn.Year).Distinct().OrderDescending(), list.Years);
    }

    [Fact]
    public async Task The_filters_in_the_address_show_only_the_matching_rows_and_both_sums()
    {
        var acme = await AcmeInvoicesAsync();
        var (first, second) = (acme[0], acme[1]);

        var paid = await PageAsync("admin@acme.test", "/invoices?status=paid");
        var secondYear = await PageAsync("admin@acme.test", $"/invoices?year={second.IssuedOn.Year}");

        Assert.Contains($">{first.Number}<", paid);
        Assert.DoesNotContain($">{second.Number}<", paid);
        Assert.Contains("Outstanding in this view", paid);
        Assert.Contains("All invoices: " + Culture.Eur(second.AmountOutstanding, English), paid);
        Assert.Contains($">{second.Number}<", secondYear);
        if (first.IssuedOn.Year != second.IssuedOn.Year) Assert.DoesNotContain($">{first.Number}<", secondYear);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so_and_offers_to_clear_the_filters()
    {
        var page = await PageAsync("admin@acme.test", "/invoices?status=credit-notes");

        Assert.Contains("No invoice matches these filters.", page);
        Assert.Contains("Clear filters", page);
        Assert.DoesNotContain("No invoice yet", page);
    }

    [Fact]
    public async Task An_overdue_invoice_shows_the_interest_to_date_and_the_40_indemnity_in_its_row_and_on_its_page()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var overdue = (await AcmeInvoicesAsync()).First(i => i.StatusOn(today) == InvoiceStatus.Overdue);
        var expected = LateInterest.On(overdue.TotalInclVat, overdue.DueOn, overdue.Payments, today);

        var list = await PageAsync("admin@acme.test", "/invoices");
        var page = await PageAsync("admin@acme.test", $"/invoices/{overdue.Number}");

        Assert.True(expected.Interest > 0);
        Assert.Contains($"+ {Culture.Eur(expected.Interest, English)} interest to date, €40.00 indemnity", list);
        Assert.Contains("Late-payment charges", page);
        Assert.Contains(Culture.Eur(expected.Total, English), page);
        Assert.Contains("No payment received yet.", page);
    }

    [Fact]
    public async Task A_paid_invoice_lists_its_payment_and_no_late_charges()
    {
        var paid = (await AcmeInvoicesAsync())[0];

        var page = await PageAsync("admin@acme.test", $"/invoices/{paid.Number}");

        Assert.Contains("Payments received", page);
        Assert.Contains(Culture.Date(paid.Payments[0].ReceivedOn, English), page);
        Assert.DoesNotContain("Late-payment charges", page);
    }
}

/// <summary>A credit note settles the invoice it corrects: both pages say so and link to each other.</summary>
public sealed class CreditNoteDisplayTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_corrected_invoice_lists_the_credit_note_as_a_payment_with_a_link_and_the_note_links_back()
    {
        var issuer = portal.Services.GetRequiredService<InvoiceIssuer>();
        var draft = await issuer.IssueCreditNoteAsync(Actor.Staff("staff-id", "am@provider.test"), "INV-000002", [new CreditedLine(1, 2)]);
        var note = draft.CreditNote!.Number;
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var invoice = WebUtility.HtmlDecode(await acme.GetStringAsync("/invoices/INV-000002"));
        var creditNote = WebUtility.HtmlDecode(await acme.GetStringAsync($"/invoices/{note}"));
        var creditNotes = WebUtility.HtmlDecode(await acme.GetStringAsync("/invoices?status=credit-notes"));

        Assert.Contains("Settled by credit note", invoice);
        Assert.Contains($"href=\"/invoices/{note}\"", invoice);
        Assert.Contains($"Credit note {note}", invoice);
        Assert.Contains("Corrects invoice", creditNote);
        Assert.Contains("href=\"/invoices/INV-000002\"", creditNote);
        Assert.DoesNotContain("Payments received", creditNote);
        Assert.Contains($">{note}<", creditNotes);
        Assert.DoesNotContain(">INV-000002<", creditNotes);
    }
}
