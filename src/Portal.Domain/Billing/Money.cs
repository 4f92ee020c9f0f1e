namespace Portal.Domain.Billing;

/// <summary>Amounts are decimal EUR; this is the one place they are rounded.</summary>
public static class Money
{
    /// <summary>To the cent, half away from zero, as French invoices are.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
