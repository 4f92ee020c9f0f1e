using System.Globalization;
using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>
/// What an invoice holds when it is issued: the schedule's lines for its period, every charge waiting for the
/// Client's next invoice, the VAT the buyer's establishment calls for, and the buyer's details as they are today
/// (an issued invoice never changes, so they are copied in).
/// </summary>
public static class InvoiceIssue
{
    /// <param name="issuedOn">The day it is really issued: the schedule's day, or later when issuance ran late.
    /// French law dates an invoice when it is issued, so a late run is never backdated and the numbers stay in date order.</param>
    /// <param name="vatOnDebits">The Provider's option for VAT on debits as set today (<see cref="ProviderProfile.VatOnDebits"/>).</param>
    /// <param name="describe">Words each line's label in the buyer's language (the resx); by default the description, with
    /// the line's own period when it differs from the invoice's.</param>
    public static Invoice For(ScheduledInvoice due, Client buyer, OrderForm form, IReadOnlyList<PendingCharge> charges,
        long sequence, DateOnly issuedOn, decimal frenchVatRate = VatRule.DefaultFrenchRate, bool vatOnDebits = false,
        Func<LineLabel, string>? describe = null)
    {
        var vat = VatRule.For(buyer.Country, buyer.VatNumber, frenchVatRate);
        string Describe(ScheduledInvoiceLine l)
        {
            var label = InvoiceLineLabel.For(InvoiceLanguage.Pick(buyer.Culture, l.Description, l.DescriptionFr), l.ServiceFrom, l.ServiceTo);
            if (describe is not null) return describe(label);
            var text = InvoiceLanguage.Pick(buyer.Culture, l.Description, l.DescriptionFr);
            return l.ServiceFrom is { } from && l.ServiceTo is { } to && (from != due.PeriodStart || to != due.PeriodEnd)
                ? $"{text} ({Iso(from)} – {Iso(to)})" : text;
        }
        var lines = due.Lines
            .Select(l => new InvoiceLine
            {
                Description = Describe(l), Quantity = l.Quantity, UnitPriceExclVat = l.UnitPriceExclVat, VatRate = vat.Rate,
                InvoicedAmountExclVat = l.AmountExclVat,
                PeriodStart = l.ServiceFrom, PeriodEnd = l.ServiceTo,
            })
            .Concat(charges.Select(c => new InvoiceLine { Description = c.Description, Quantity = c.Quantity, UnitPriceExclVat = c.UnitPriceExclVat, VatRate = vat.Rate }))
            .ToList();
        if (lines.Count == 0) throw new ArgumentException("An invoice needs at least one line.", nameof(due));
        if (lines.Any(l => l.Quantity <= 0 || l.UnitPriceExclVat < 0 || l.AmountExclVat < 0))
            throw new ArgumentException("Invoice lines need a quantity above 0 and a price of 0 or more.", nameof(due));

        return new Invoice
        {
            ClientId = buyer.Id, OrderFormId = form.Id, ScheduleKey = due.Key,
            Sequence = sequence, Number = InvoiceNumbering.Format(sequence), Kind = InvoiceKind.Invoice,
            IssuedOn = issuedOn, DueOn = DueDate.For(issuedOn, form.PaymentMethod),
            PeriodStart = due.PeriodStart, PeriodEnd = due.PeriodEnd,
            Culture = buyer.Culture, BuyerLegalName = buyer.LegalName, BuyerAddress = Address(buyer.Address),
            BuyerVatNumber = buyer.VatNumber, PurchaseOrderReference = form.PurchaseOrderReference,
            BuyerStreet = buyer.Address.Line1, BuyerStreet2 = buyer.Address.Line2, BuyerPostalCode = buyer.Address.PostalCode,
            BuyerCity = buyer.Address.City, BuyerCountry = buyer.Address.Country, BuyerRegistrationNumber = buyer.RegistrationNumber,
            VatTreatment = vat.Treatment, Lines = lines,
            BuyerSiren = InvoiceMentions.BuyerSiren(buyer.Country, buyer.RegistrationNumber), VatOnDebits = vatOnDebits,
        };
    }

    /// <summary>
    /// SEO §14.4: when the contract ends early, every fee the schedule still calls for up to the contractual end is
    /// owed at once: one final invoice gathers those periods, each line keeping the period it bills (its label names it).
    /// </summary>
    /// <returns>Null when nothing is left to invoice.</returns>
    public static ScheduledInvoice? Final(IEnumerable<ScheduledInvoice> notYetIssued, string key)
    {
        var remaining = notYetIssued.ToList();
        if (remaining.Count == 0) return null;
        var lines = remaining.SelectMany(i => i.Lines.Select(l => l with
        {
            ServiceFrom = l.ServiceFrom ?? i.PeriodStart, ServiceTo = l.ServiceTo ?? i.PeriodEnd,
        })).ToList();
        var start = remaining.Min(i => i.PeriodStart);
        return new ScheduledInvoice(key, start, start, remaining.Max(i => i.PeriodEnd), start, lines);
    }

    /// <summary>
    /// What is left of a period once <paramref name="issued"/> billed it: null when it billed the whole period; otherwise
    /// the days after its end, each line at the full period's amount less what was invoiced (so the two add up exactly).
    /// </summary>
    public static ScheduledInvoice? Remainder(ScheduledInvoice fullPeriod, Invoice issued)
    {
        if (issued.PeriodEnd >= fullPeriod.PeriodEnd) return null;
        var start = issued.PeriodEnd.AddDays(1);
        // The issued invoice's first lines are the schedule's, in its order (For puts the pending charges after them).
        var lines = fullPeriod.Lines.Select((l, index) =>
                l.WithAmount(l.AmountExclVat - (issued.Lines.ElementAtOrDefault(index) is { } billed && billed.Quantity == l.Quantity
                    ? billed.AmountExclVat : 0)) with { ServiceFrom = l.ServiceFrom is null ? null : start })
            .Where(l => l.AmountExclVat > 0).ToList();
        return lines.Count == 0 ? null : fullPeriod with { PeriodStart = start, IssueOn = start, Lines = lines };
    }

    public static string Address(PostalAddress a) =>
        string.Join('\n', new[] { a.Line1, a.Line2, $"{a.PostalCode} {a.City}", a.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));

    // The period in a line is a fact of the document, not of the reader's culture: ISO dates read the same in both languages.
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
