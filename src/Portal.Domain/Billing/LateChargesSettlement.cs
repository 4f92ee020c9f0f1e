namespace Portal.Domain.Billing;

/// <summary>What became of the late charges of one invoice paid late.</summary>
public enum LateChargesOutcome
{
    /// <summary>Billed on a late-charges invoice (<see cref="LateChargesSettlement.ChargesInvoiceId"/>).</summary>
    Invoiced,

    /// <summary>Given up by the Provider, with a reason.</summary>
    Waived,
}

/// <summary>
/// DOMAIN "Late payment": late charges stay visible until they are invoiced or waived. This is the record of that decision,
/// once per late invoice, with the amounts as they were settled, who decided and when (and why, for a waiver). Never
/// changed afterwards: a late-charges invoice is corrected by a credit note, like any other.
/// </summary>
public class LateChargesSettlement
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }

    /// <summary>The invoice that was paid late.</summary>
    public Guid InvoiceId { get; set; }
    public LateChargesOutcome Outcome { get; set; }

    public decimal Interest { get; set; }
    public decimal Indemnity { get; set; }
    public decimal RejectionFees { get; set; }

    /// <summary>For <see cref="LateChargesOutcome.Invoiced"/>: the late-charges invoice.</summary>
    public Guid? ChargesInvoiceId { get; set; }

    /// <summary>For <see cref="LateChargesOutcome.Waived"/>: why, as staff wrote it.</summary>
    public string? Reason { get; set; }

    public required string DecidedByUserId { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    public LateCharges Charges => new(Interest, Indemnity, RejectionFees);
}
