using System.Globalization;

namespace Portal.Domain.Billing;

/// <summary>Which line of the invoice to credit (0 for the first) and how many of its units.</summary>
public sealed record CreditedLine(int LineIndex, decimal Quantity);

/// <summary>
/// An issued invoice never changes: a correction is a credit note ("avoir") that reverses some of its lines.
/// As French practice has it, the credit note shows positive amounts on a document of kind CreditNote, carries
/// the corrected invoice's VAT rates, and is deducted from what the Client owes.
/// </summary>
public static class CreditNote
{
    /// <param name="earlierCreditNotes">Credit notes already issued; those for other invoices are ignored.</param>
    /// <param name="sequence">The next number of the sequence shared with invoices.</param>
    public static CreditNoteDraft For(Invoice invoice, IEnumerable<Invoice> earlierCreditNotes, IReadOnlyList<CreditedLine> credited,
        long sequence, DateOnly issuedOn)
    {
        if (invoice.Kind != InvoiceKind.Invoice) return CreditNoteDraft.Refused("A credit note corrects an invoice, not another credit note.");
        if (credited.Count == 0) return CreditNoteDraft.Refused("Choose at least one line to credit.");

        var before = earlierCreditNotes.Where(c => c.Kind == InvoiceKind.CreditNote && c.CorrectsInvoiceId == invoice.Id).ToList();
        // A credit note's lines copy the invoice's description, unit price and rate: that is how they are matched.
        var left = invoice.Lines.GroupBy(Same).ToDictionary(g => g.Key, g => (Quantity: g.Sum(l => l.Quantity), Amount: g.Sum(l => l.AmountExclVat)));
        foreach (var line in before.SelectMany(c => c.Lines))
            if (left.TryGetValue(Same(line), out var l)) left[Same(line)] = (l.Quantity - line.Quantity, l.Amount - line.AmountExclVat);

        var lines = new List<InvoiceLine>();
        foreach (var (index, quantity) in credited)
        {
            if (index < 0 || index >= invoice.Lines.Count) return CreditNoteDraft.Refused($"The invoice has no line {index + 1}.");
            var line = invoice.Lines[index];
            if (quantity <= 0) return CreditNoteDraft.Refused($"Line {index + 1}: the quantity to credit must be more than 0.");
            var rest = left[Same(line)];
            if (quantity > rest.Quantity)
                return CreditNoteDraft.Refused($"Line {index + 1} ({line.Description}): {Show(rest.Quantity)} left to credit, not {Show(quantity)}.");
            // The line's amount was rounded once (DOMAIN "Amounts"): a part of it is its share, and the last part what is left,
            // so crediting a line bit by bit never credits a cent more or less than was invoiced.
            var amount = quantity == rest.Quantity ? rest.Amount : Math.Min(rest.Amount, AmountFor(line, quantity));
            left[Same(line)] = (rest.Quantity - quantity, rest.Amount - amount);
            lines.Add(new InvoiceLine
            {
                Description = line.Description, Quantity = quantity, UnitPriceExclVat = line.UnitPriceExclVat, VatRate = line.VatRate,
                InvoicedAmountExclVat = amount,
                PeriodStart = line.PeriodStart, PeriodEnd = line.PeriodEnd,
            });
        }

        var creditNote = new Invoice
        {
            ClientId = invoice.ClientId, Sequence = sequence, Number = InvoiceNumbering.Format(sequence), Kind = InvoiceKind.CreditNote,
            CorrectsInvoiceId = invoice.Id, IssuedOn = issuedOn, DueOn = issuedOn, PeriodStart = invoice.PeriodStart, PeriodEnd = invoice.PeriodEnd,
            // The buyer is the one invoiced: its details are copied from the invoice, not from today's Client record.
            Culture = invoice.Culture, BuyerLegalName = invoice.BuyerLegalName, BuyerAddress = invoice.BuyerAddress,
            BuyerVatNumber = invoice.BuyerVatNumber, PurchaseOrderReference = invoice.PurchaseOrderReference,
            BuyerStreet = invoice.BuyerStreet, BuyerStreet2 = invoice.BuyerStreet2, BuyerPostalCode = invoice.BuyerPostalCode,
            BuyerCity = invoice.BuyerCity, BuyerCountry = invoice.BuyerCountry, BuyerRegistrationNumber = invoice.BuyerRegistrationNumber,
            VatTreatment = invoice.VatTreatment, Lines = lines,
            BuyerSiren = invoice.BuyerSiren, OperationNature = invoice.OperationNature, VatOnDebits = invoice.VatOnDebits,
        };
        // Never more than was invoiced in all, whatever earlier credit notes held (excl. VAT: VAT rounds per document).
        var available = invoice.TotalExclVat - before.Sum(c => c.TotalExclVat);
        return creditNote.TotalExclVat > available
            ? CreditNoteDraft.Refused($"Only {Show(available)} EUR excl. VAT is left to credit on {invoice.Number}.")
            : new CreditNoteDraft(creditNote, null);
    }

    /// <summary>What crediting <paramref name="quantity"/> units of an invoice line is worth: its share of the line's amount, to the cent.</summary>
    public static decimal AmountFor(InvoiceLine line, decimal quantity) =>
        line.Quantity == 0 ? 0 : Money.Round(line.AmountExclVat * quantity / line.Quantity);

    private static (string, decimal, decimal) Same(InvoiceLine line) => (line.Description, line.UnitPriceExclVat, line.VatRate);

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <param name="CreditNote">The credit note to issue; null when refused.</param>
/// <param name="Refusal">Why it cannot be issued, for the page to show.</param>
public sealed record CreditNoteDraft(Invoice? CreditNote, string? Refusal)
{
    public bool IsAllowed => Refusal is null;

    public static CreditNoteDraft Refused(string why) => new(null, why);
}
