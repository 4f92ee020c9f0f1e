using System.Globalization;

namespace Portal.Domain.Billing;

/// <summary>
/// What staff may record against an invoice (DOMAIN "Invoices and payment"): a payment, full or partial, never more
/// than is still due; a rejected direct debit, never more than was collected. Each refusal says what to fix.
/// </summary>
public static class PaymentEntry
{
    /// <returns>The payment to add to the invoice, or why it is refused.</returns>
    public static (Payment? Payment, string? Refusal) Check(Invoice invoice, PaymentKind kind, decimal amount, DateOnly receivedOn,
        DateOnly today, string? reference = null)
    {
        if (invoice.Kind == InvoiceKind.CreditNote)
            return Refused("A credit note is not paid: record the payment on the invoice it corrects.");
        if (kind == PaymentKind.CreditNote)
            return Refused("A credit note settles its invoice when it is issued, not by hand.");
        if (amount <= 0) return Refused("Enter an amount above 0.");
        if (Money.Round(amount) != amount) return Refused("Enter the amount to the cent (at most 2 decimals).");
        if (receivedOn > today) return Refused("The date cannot be in the future.");
        if (receivedOn < invoice.IssuedOn)
            return Refused($"The date cannot be before the invoice was issued ({Iso(invoice.IssuedOn)}).");
        if (kind == PaymentKind.Payment && amount > invoice.AmountOutstanding)
            return Refused(invoice.AmountOutstanding == 0
                ? $"{invoice.Number} is already paid in full."
                : $"{Show(amount)} EUR is more than the {Show(invoice.AmountOutstanding)} EUR still due on {invoice.Number}.");
        // Only money that came in can bounce: what was paid, less what credit notes settled.
        var collected = invoice.Payments.Sum(p => p.Kind switch
        {
            PaymentKind.Payment => p.Amount,
            PaymentKind.DirectDebitRejection => -p.Amount,
            _ => 0,
        });
        if (kind == PaymentKind.DirectDebitRejection && amount > collected)
            return Refused($"Only {Show(Math.Max(0, collected))} EUR was collected on {invoice.Number}: a rejection cannot take back more.");

        return (new Payment
        {
            InvoiceId = invoice.Id, Kind = kind, Amount = amount, ReceivedOn = receivedOn,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
        }, null);
    }

    private static (Payment?, string?) Refused(string why) => (null, why);

    private static string Show(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
