namespace Portal.Domain.Billing;

/// <summary>Amounts are decimal EUR; this is the one place they are rounded.</summary>
public static class Money
{
    /// <summary>Decimals kept on a unit price that is a share of a period's price (0.8333 a seat for a month at 10.00 a year).</summary>
    public const int UnitPriceDecimals = 4;

    /// <summary>To the cent, half away from zero, as French invoices are.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A unit price derived from a line's amount (amount ÷ quantity), to 4 decimals: it is shown on the invoice, but the
    /// line's amount is what was rounded, once (DOMAIN "Amounts": never quantity × a unit price rounded first).
    /// </summary>
    public static decimal RoundUnitPrice(decimal unitPrice) => Math.Round(unitPrice, UnitPriceDecimals, MidpointRounding.AwayFromZero);
}
