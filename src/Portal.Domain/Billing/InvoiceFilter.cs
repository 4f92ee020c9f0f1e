namespace Portal.Domain.Billing;

/// <summary>What the Client's invoice list can be narrowed to: a payment status, or the credit notes, which have none.</summary>
public enum InvoiceShown { Issued, PartiallyPaid, Paid, Overdue, CreditNotes }

/// <summary>
/// The Client's invoice list narrowed by what it shows and the year of issue. Kept as words in the page's address
/// ("?status=overdue&amp;year=2026") so a filtered view can be bookmarked; an unknown word shows everything.
/// </summary>
public sealed record InvoiceFilter(InvoiceShown? Shown = null, int? Year = null)
{
    public static readonly InvoiceFilter None = new();

    /// <summary>The word for each choice in the address, in the order the page offers them.</summary>
    public static readonly IReadOnlyDictionary<InvoiceShown, string> Words = new Dictionary<InvoiceShown, string>
    {
        [InvoiceShown.Issued] = "issued",
        [InvoiceShown.PartiallyPaid] = "partially-paid",
        [InvoiceShown.Paid] = "paid",
        [InvoiceShown.Overdue] = "overdue",
        [InvoiceShown.CreditNotes] = "credit-notes",
    };

    public bool IsEmpty => Shown is null && Year is null;

    public string? StatusWord => Shown is { } shown ? Words[shown] : null;

    public static InvoiceFilter Parse(string? status, int? year) => new(
        Words.Where(w => string.Equals(w.Value, status?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(w => (InvoiceShown?)w.Key).FirstOrDefault(),
        year);

    /// <summary>A credit note has no payment status: it is shown only under its own kind (or with no status chosen).</summary>
    public bool Matches(Invoice invoice, DateOnly today) =>
        (Year is null || invoice.IssuedOn.Year == Year)
        && Shown switch
        {
            null => true,
            InvoiceShown.CreditNotes => invoice.Kind == InvoiceKind.CreditNote,
            _ => invoice.Kind == InvoiceKind.Invoice && Shown == ShownAs(invoice.StatusOn(today)),
        };

    private static InvoiceShown ShownAs(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PartiallyPaid => InvoiceShown.PartiallyPaid,
        InvoiceStatus.Paid => InvoiceShown.Paid,
        InvoiceStatus.Overdue => InvoiceShown.Overdue,
        _ => InvoiceShown.Issued,
    };

    public IReadOnlyList<Invoice> Apply(IEnumerable<Invoice> invoices, DateOnly today) => [.. invoices.Where(i => Matches(i, today))];

    /// <summary>The years the Client has invoices in, newest first: the only years worth offering.</summary>
    public static IReadOnlyList<int> YearsOf(IEnumerable<Invoice> invoices) =>
        [.. invoices.Select(i => i.IssuedOn.Year).Distinct().OrderDescending()];
}

/// <summary>What is still owed on a set of invoices, and how much of it is past its due date.</summary>
public sealed record InvoiceTotals(decimal Outstanding, decimal Overdue)
{
    /// <summary>Credit notes owe nothing themselves: they already reduced the invoice they settle.</summary>
    public static InvoiceTotals Of(IEnumerable<Invoice> invoices, DateOnly today)
    {
        var list = invoices.Where(i => i.Kind == InvoiceKind.Invoice).ToList();
        return new(list.Sum(i => i.AmountOutstanding),
            list.Where(i => i.StatusOn(today) == InvoiceStatus.Overdue).Sum(i => i.AmountOutstanding));
    }
}
