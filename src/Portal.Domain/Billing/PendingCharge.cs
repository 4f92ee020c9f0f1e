namespace Portal.Domain.Billing;

/// <summary>
/// Something owed that waits for the Client's next invoice: extra seats approved mid-period (pro rata), the
/// 50 EUR fee of a rejected direct debit. The issuer adds every unbilled charge to the next invoice it issues.
/// </summary>
public class PendingCharge
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public required string Description { get; set; }
    public decimal Quantity { get; set; } = 1;

    /// <summary>Excl. VAT, to the cent; the VAT rate is the Client's, decided when the invoice is issued.</summary>
    public decimal UnitPriceExclVat { get; set; }

    /// <summary>What raised it, e.g. "SeatRequest:{id}": one source is charged once.</summary>
    public required string Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the charge is billed; it then never moves to another invoice.</summary>
    public Guid? InvoiceId { get; set; }
}
