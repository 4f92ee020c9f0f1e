using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>An order line as the billing rules see it: plain data, whatever stores it.</summary>
/// <param name="UnitPriceExclVat">For a subscription, the price per year (SEO §10.1); for professional services, per unit.</param>
/// <param name="OwnFrequency">The line's own billing period when the order form gives one; otherwise the order form's.</param>
public sealed record ScheduledLine(string Description, OrderLineKind Kind, decimal Quantity, decimal UnitPriceExclVat,
    BillingFrequency? OwnFrequency = null)
{
    public static ScheduledLine From(OrderLine line) => new(line.Description, line.Kind, line.Quantity, line.UnitPriceExclVat);

    /// <summary>What the line costs over a year (a subscription) or in all (professional services).</summary>
    public decimal Amount => Quantity * UnitPriceExclVat;
}

/// <summary>
/// An invoice the schedule says is due. <paramref name="Key"/> is stable for a period of one order form
/// ("sub:2026-07-01", "ps:2026-01-15"), so an issuance job that runs twice never issues it twice.
/// </summary>
public sealed record ScheduledInvoice(string Key, DateOnly IssueOn, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn,
    IReadOnlyList<ScheduledInvoiceLine> Lines)
{
    public decimal TotalExclVat => Money.Round(Lines.Sum(l => l.AmountExclVat));
}

/// <param name="UnitPriceExclVat">The price of one unit for this invoice's period, to the cent.</param>
/// <param name="PeriodStart">The line's own period, when it is not the invoice's (a final invoice gathers several).</param>
public sealed record ScheduledInvoiceLine(string Description, decimal Quantity, decimal UnitPriceExclVat,
    DateOnly? PeriodStart = null, DateOnly? PeriodEnd = null)
{
    /// <summary>Rounded as <see cref="InvoiceLine.AmountExclVat"/> is, so the issued invoice shows the same amount.</summary>
    public decimal AmountExclVat => Money.Round(Quantity * UnitPriceExclVat);
}
