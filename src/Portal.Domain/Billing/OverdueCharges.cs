namespace Portal.Domain.Billing;

/// <summary>What the Client sees owed on top of an overdue invoice, today (SEO §11.3.2, rule in <see cref="LateInterest"/>).</summary>
public static class OverdueCharges
{
    /// <returns>Null unless the invoice is overdue today: a paid or not-yet-due invoice shows no late charges.</returns>
    public static LateCharges? On(Invoice invoice, DateOnly today) =>
        invoice.StatusOn(today) == InvoiceStatus.Overdue
            ? LateInterest.On(invoice.TotalInclVat, invoice.DueOn, invoice.Payments, today)
            : null;

    /// <summary>
    /// DOMAIN "Late payment": late charges stay visible until they are invoiced or waived: accruing while the invoice is
    /// overdue, final once it is paid late (<see cref="LateChargesRule.Open"/>).
    /// </summary>
    public static LateCharges? On(Invoice invoice, IEnumerable<LateChargesSettlement> settlements, DateOnly today) =>
        LateChargesRule.Open(invoice, settlements, today);
}
