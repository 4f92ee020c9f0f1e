using System.Globalization;
using Portal.Domain.Clients;
using Portal.Domain.Termination;

namespace Portal.Domain.Billing;

/// <summary>One line of a late-charges invoice, before its words (the resx, keyed by <see cref="Template"/>; {0} the late invoice's number).</summary>
/// <param name="SubjectToVat">Whether the line bears the Client's VAT rate.</param>
public sealed record LateChargeLine(LateChargeKind Kind, decimal AmountExclVat, string LateInvoiceNumber, bool SubjectToVat)
{
    public string Template => Kind switch
    {
        LateChargeKind.Interest => "Late-payment interest on invoice {0}",
        LateChargeKind.Indemnity => "Fixed collection indemnity on invoice {0}",
        _ => "Rejected direct debit fees on invoice {0}",
    };
}

public enum LateChargeKind { Interest, Indemnity, RejectionFees }

/// <summary>
/// DOMAIN "Late payment" (SEO §11.3.2): late charges are owed, not lost. While the invoice is unpaid they grow every day;
/// once it is paid they are final, and wait to be invoiced (a late-charges invoice) or waived with a reason.
/// </summary>
public static class LateChargesRule
{
    /// <summary>The prefix of a late-charges invoice's key: one per late invoice, so it is never issued twice.</summary>
    public const string KeyPrefix = "late:";

    public const int MaxReasonLength = 500;

    /// <summary>
    /// The late charges still owed on <paramref name="invoice"/> today: accrued so far while it is unpaid after its due date,
    /// final once it is paid, none once invoiced or waived (or when it was never late). Null when there are none.
    /// </summary>
    public static LateCharges? Open(Invoice invoice, IEnumerable<LateChargesSettlement> settlements, DateOnly today)
    {
        if (invoice.Kind != InvoiceKind.Invoice || IsLateChargesInvoice(invoice)) return null;
        if (settlements.Any(s => s.InvoiceId == invoice.Id)) return null;
        var charges = LateInterest.On(invoice.TotalInclVat, invoice.DueOn, invoice.Payments, today);
        return charges.Total > 0 ? charges : null;
    }

    /// <summary>
    /// A late-charges invoice is not itself charged interest by the portal: SEO §11.3.2's interest is simple, never on interest.
    /// (The Provider may still chase it; it stays unpaid and visible like any invoice.)
    /// </summary>
    public static bool IsLateChargesInvoice(Invoice invoice) =>
        invoice.ScheduleKey?.StartsWith(KeyPrefix, StringComparison.Ordinal) == true;

    /// <summary>The final charges of an invoice paid in full; why they cannot be settled yet otherwise.</summary>
    /// <returns>A refusal is an English template (a resx key) and its arguments, as <see cref="RuleMessage"/> everywhere.</returns>
    public static (LateCharges? Charges, RuleMessage? Refusal) Settleable(Invoice invoice, IEnumerable<LateChargesSettlement> settlements)
    {
        if (settlements.FirstOrDefault(s => s.InvoiceId == invoice.Id) is { } done)
            return (null, done.Outcome == LateChargesOutcome.Invoiced
                ? new("The late charges of {0} were already invoiced.", invoice.Number)
                : new("The late charges of {0} were already waived.", invoice.Number));
        if (invoice.Kind != InvoiceKind.Invoice || IsLateChargesInvoice(invoice))
            return (null, new("{0} carries no late charges of its own.", invoice.Number));
        // Interest runs "until payment" (SEO §11.3.2): before that the amount is not final.
        if (invoice.AmountOutstanding > 0)
            return (null, new("{0} is not paid in full yet: its late charges keep growing until it is.", invoice.Number));
        var lastPayment = invoice.Payments.Count == 0 ? invoice.DueOn : invoice.Payments.Max(p => p.ReceivedOn);
        var charges = LateInterest.On(invoice.TotalInclVat, invoice.DueOn, invoice.Payments, lastPayment);
        return charges.Total > 0 ? (charges, null) : (null, new("{0} was paid on time: it has no late charges.", invoice.Number));
    }

    /// <summary>
    /// The lines of the late-charges invoice for <paramref name="lateInvoice"/>.
    /// </summary>
    // Choice: interest and the 40 EUR indemnity compensate a loss, with no service in return, so they are outside the scope
    // of VAT (CGI art. 256 taxes supplies made for consideration; the administration treats late-payment interest and the
    // fixed indemnity so). The 50 EUR per rejected debit is a handling fee the contract charges (SEO §11.3.2): it bears VAT,
    // the cautious reading for the Provider.
    public static IReadOnlyList<LateChargeLine> Lines(Invoice lateInvoice, LateCharges charges)
    {
        var lines = new List<LateChargeLine>();
        if (charges.Interest > 0) lines.Add(new(LateChargeKind.Interest, charges.Interest, lateInvoice.Number, SubjectToVat: false));
        if (charges.Indemnity > 0) lines.Add(new(LateChargeKind.Indemnity, charges.Indemnity, lateInvoice.Number, SubjectToVat: false));
        if (charges.RejectionFees > 0) lines.Add(new(LateChargeKind.RejectionFees, charges.RejectionFees, lateInvoice.Number, SubjectToVat: true));
        return lines;
    }

    /// <summary>
    /// The late-charges invoice for a late invoice paid in full, and the settlement that records it; the refusal otherwise.
    /// </summary>
    /// <param name="describe">The words of each line in the buyer's language (the resx); by default the English template.</param>
    public static (Invoice? Invoice, LateChargesSettlement? Settlement, RuleMessage? Refusal) ChargesInvoice(Invoice lateInvoice,
        IEnumerable<LateChargesSettlement> settlements, Client buyer, OrderForm form, long sequence, DateOnly issuedOn, string decidedByUserId,
        DateTimeOffset decidedAt, decimal frenchVatRate = VatRule.DefaultFrenchRate, bool vatOnDebits = false,
        Func<LateChargeLine, string>? describe = null)
    {
        var (charges, refusal) = Settleable(lateInvoice, settlements);
        if (charges is null) return (null, null, refusal);

        var vat = VatRule.For(buyer.Country, buyer.VatNumber, frenchVatRate);
        var lines = Lines(lateInvoice, charges).Select(l => new InvoiceLine
        {
            Description = describe?.Invoke(l) ?? string.Format(CultureInfo.InvariantCulture, l.Template, l.LateInvoiceNumber),
            Quantity = 1, UnitPriceExclVat = l.AmountExclVat, VatRate = l.SubjectToVat ? vat.Rate : 0m,
        }).ToList();
        var paidOn = lateInvoice.Payments.Max(p => p.ReceivedOn);
        var invoice = new Invoice
        {
            ClientId = buyer.Id, OrderFormId = form.Id, ScheduleKey = KeyPrefix + lateInvoice.Number,
            Sequence = sequence, Number = InvoiceNumbering.Format(sequence), Kind = InvoiceKind.Invoice,
            IssuedOn = issuedOn, DueOn = DueDate.For(issuedOn, form.PaymentMethod),
            // The days the interest ran: from the day after the due date to the payment.
            PeriodStart = lateInvoice.DueOn.AddDays(1), PeriodEnd = paidOn < lateInvoice.DueOn.AddDays(1) ? lateInvoice.DueOn.AddDays(1) : paidOn,
            Culture = buyer.Culture, BuyerLegalName = buyer.LegalName, BuyerAddress = InvoiceIssue.Address(buyer.Address),
            BuyerVatNumber = buyer.VatNumber, PurchaseOrderReference = form.PurchaseOrderReference, VatTreatment = vat.Treatment,
            BuyerSiren = InvoiceMentions.BuyerSiren(buyer.Country, buyer.RegistrationNumber), VatOnDebits = vatOnDebits,
            Lines = lines,
        };
        return (invoice, Settled(lateInvoice, charges, LateChargesOutcome.Invoiced, invoice.Id, null, decidedByUserId, decidedAt), null);
    }

    /// <summary>The Provider gives up the late charges of a late invoice paid in full, for a stated reason.</summary>
    public static (LateChargesSettlement? Settlement, RuleMessage? Refusal) Waive(Invoice lateInvoice, IEnumerable<LateChargesSettlement> settlements,
        string? reason, string decidedByUserId, DateTimeOffset decidedAt)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) return (null, new("Give the reason for waiving the late charges: it is kept with the decision."));
        if (why.Length > MaxReasonLength) return (null, new("Keep the reason to {0} characters at most.", MaxReasonLength));
        var (charges, refusal) = Settleable(lateInvoice, settlements);
        return charges is null
            ? (null, refusal)
            : (Settled(lateInvoice, charges, LateChargesOutcome.Waived, null, why, decidedByUserId, decidedAt), null);
    }

    private static LateChargesSettlement Settled(Invoice lateInvoice, LateCharges charges, LateChargesOutcome outcome, Guid? chargesInvoiceId,
        string? reason, string by, DateTimeOffset at) => new()
    {
        ClientId = lateInvoice.ClientId, InvoiceId = lateInvoice.Id, Outcome = outcome,
        Interest = charges.Interest, Indemnity = charges.Indemnity, RejectionFees = charges.RejectionFees,
        ChargesInvoiceId = chargesInvoiceId, Reason = reason, DecidedByUserId = by, DecidedAt = at,
    };
}

/// <summary>
/// What the Client owes today on its invoices: the unpaid amounts incl. VAT, and apart from them the late charges accrued
/// as of <paramref name="AsOf"/> (they grow each day an invoice stays unpaid), not yet invoiced or waived.
/// </summary>
public sealed record OwedToday(decimal UnpaidInclVat, LateCharges LateCharges, DateOnly AsOf)
{
    public decimal TotalInclVat => UnpaidInclVat + LateCharges.Total;

    /// <summary>
    /// Acme today: 14,400.00 unpaid (its second annual invoice) plus 489.75 of late charges, 449.75 of interest for 95 days
    /// and the 40 EUR indemnity (<see cref="LateInterest.On"/>).
    /// </summary>
    public static OwedToday Of(IEnumerable<Invoice> invoices, IEnumerable<LateChargesSettlement> settlements, DateOnly today)
    {
        var list = invoices.Where(i => i.Kind == InvoiceKind.Invoice).ToList();
        var settled = settlements.ToList();
        var late = list.Select(i => LateChargesRule.Open(i, settled, today)).OfType<LateCharges>().ToList();
        return new OwedToday(list.Sum(i => i.AmountOutstanding),
            new LateCharges(late.Sum(c => c.Interest), late.Sum(c => c.Indemnity), late.Sum(c => c.RejectionFees)), today);
    }
}
