using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Web.Shared;
using Portal.Web.Data;


namespace Portal.Web.Features.Billing;

/// <summary>The Client's invoices, read through the tenancy filter: another Client's number finds nothing.</summary>
public sealed class InvoiceQueries(PersonDatabase data, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>
    /// The invoices the filter keeps, newest first, with the sums owed on them and on all the Client's invoices.
    /// A Client has a few dozen invoices at most, and status depends on payments: they are filtered in memory.
    /// </summary>
    public async Task<InvoiceList> ListAsync(InvoiceFilter filter)
    {
        await using var db = await data.OpenAsync();
        var all = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .OrderByDescending(i => i.Sequence).ToListAsync();
        var today = Today;
        var shown = filter.Apply(all, today);
        return new InvoiceList(shown, InvoiceTotals.Of(shown, today), InvoiceTotals.Of(all, today), InvoiceFilter.YearsOf(all), all.Count);
    }

    /// <summary>One invoice with its payments, and the number of the invoice a credit note corrects.</summary>
    public async Task<InvoiceDetail?> FindAsync(string number)
    {
        await using var db = await data.OpenAsync();
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .SingleOrDefaultAsync(i => i.Number == number);
        if (invoice is null) return null;
        var corrects = invoice.CorrectsInvoiceId is { } id
            ? await db.Invoices.Where(i => i.Id == id).Select(i => i.Number).SingleOrDefaultAsync()
            : null;
        return new InvoiceDetail(invoice, corrects, OverdueCharges.On(invoice, Today));
    }
}

/// <param name="Shown">The invoices the filter keeps, newest first.</param>
/// <param name="ShownTotals">What is owed on those.</param>
/// <param name="AllTotals">What is owed on every invoice of the Client.</param>
/// <param name="Years">The years with invoices, newest first.</param>
/// <param name="Count">How many invoices and credit notes the Client has in all.</param>
public sealed record InvoiceList(IReadOnlyList<Invoice> Shown, InvoiceTotals ShownTotals, InvoiceTotals AllTotals, IReadOnlyList<int> Years, int Count);

/// <param name="CorrectsNumber">For a credit note: the number of the invoice it corrects.</param>
/// <param name="LateCharges">Interest to date, indemnity and rejection fees; null unless the invoice is overdue.</param>
public sealed record InvoiceDetail(Invoice Invoice, string? CorrectsNumber, LateCharges? LateCharges);
