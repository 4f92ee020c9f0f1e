using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>An order line as the billing rules see it: plain data, whatever stores it.</summary>
/// <param name="UnitPriceExclVat">For a subscription, the price per year (SEO §10.1); for professional services, per unit.</param>
/// <param name="OwnFrequency">The line's own billing period when the order form gives one; otherwise the order form's.</param>
public sealed record ScheduledLine(string Description, OrderLineKind Kind, decimal Quantity, decimal UnitPriceExclVat,
    BillingFrequency? OwnFrequency = null)
{
    /// <summary>The French description, for a French-speaking Client's invoices; null when the line has none.</summary>
    public string? DescriptionFr { get; init; }

    public static ScheduledLine From(OrderLine line) =>
        // SEO §10.2: professional services are invoiced on signature, so a period entered on one is never weighed.
        new(line.Description, line.Kind, line.Quantity, line.UnitPriceExclVat,
            line.Kind == OrderLineKind.Subscription ? line.BillingFrequency : null) { DescriptionFr = line.DescriptionFr };

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

/// <param name="UnitPriceExclVat">The price of one unit for this invoice's period (up to 4 decimals when it is a share of a
/// yearly price: <see cref="Money.RoundUnitPrice"/>).</param>
public sealed record ScheduledInvoiceLine(string Description, decimal Quantity, decimal UnitPriceExclVat)
{
    /// <summary>
    /// The line's amount, rounded once for the whole line (DOMAIN "Amounts"); quantity × unit price unless the schedule set
    /// it (a period's share of a yearly price, or the last period of a contract year carrying the year's remainder).
    /// </summary>
    public decimal AmountExclVat { get; init; } = Money.Round(Quantity * UnitPriceExclVat);

    /// <summary>The French description, for a French-speaking Client's invoice.</summary>
    public string? DescriptionFr { get; init; }

    /// <summary>The days of service the line bills, both included; null for what is billed once (professional services).</summary>
    public DateOnly? ServiceFrom { get; init; }
    public DateOnly? ServiceTo { get; init; }

    /// <summary>
    /// A line billing <paramref name="amount"/> for <paramref name="line"/>'s quantity over <paramref name="from"/>–<paramref name="to"/>:
    /// the unit price shown is derived from the amount, never the other way round.
    /// </summary>
    public static ScheduledInvoiceLine For(ScheduledLine line, decimal amount, DateOnly from, DateOnly to) =>
        new(line.Description, line.Quantity, line.Quantity == 0 ? 0 : Money.RoundUnitPrice(amount / line.Quantity))
        {
            AmountExclVat = amount, DescriptionFr = line.DescriptionFr, ServiceFrom = from, ServiceTo = to,
        };

    /// <summary>The same line for a different amount (what is left of a period), its unit price derived again.</summary>
    public ScheduledInvoiceLine WithAmount(decimal amount) => this with
    {
        UnitPriceExclVat = Quantity == 0 ? 0 : Money.RoundUnitPrice(amount / Quantity), AmountExclVat = amount,
    };
}
