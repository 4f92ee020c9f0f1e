namespace Portal.Domain.Billing;

/// <summary>
/// An invoice or a credit note. Never changed once issued (a correction is a credit note), so the
/// buyer's details are copied in at issue time.
/// </summary>
public class Invoice
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }

    /// <summary>One continuous sequence without gaps, shared by invoices and credit notes.</summary>
    public long Sequence { get; set; }
    public required string Number { get; set; }
    public InvoiceKind Kind { get; set; }

    /// <summary>The order form a scheduled invoice bills, with the schedule's key for its period ("sub:2026-07-01"):
    /// the pair is unique, so an issuance that runs twice, or on two instances, issues it once.</summary>
    public Guid? OrderFormId { get; set; }
    public string? ScheduleKey { get; set; }

    /// <summary>For a credit note: the invoice it corrects.</summary>
    public Guid? CorrectsInvoiceId { get; set; }

    public DateOnly IssuedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public required string Culture { get; set; }

    public required string BuyerLegalName { get; set; }
    public required string BuyerAddress { get; set; }
    public string? BuyerVatNumber { get; set; }

    /// <summary>
    /// EN 16931 BG-8 and BT-47 (e-invoicing): the buyer's address in parts, its country as ISO 3166-1 alpha-2 and its
    /// registration number, copied at issue like <see cref="BuyerAddress"/>, which is the same address as printed.
    /// </summary>
    public string? BuyerStreet { get; set; }
    public string? BuyerStreet2 { get; set; }
    public string? BuyerPostalCode { get; set; }
    public string? BuyerCity { get; set; }
    public string? BuyerCountry { get; set; }
    public string? BuyerRegistrationNumber { get; set; }
    public string? PurchaseOrderReference { get; set; }
    public VatTreatment VatTreatment { get; set; }

    /// <summary>E-invoicing reform (CGI art. 242 nonies A, décret 2024-266): the buyer's SIREN when it is a French company.</summary>
    public string? BuyerSiren { get; set; }

    /// <summary>The same reform: the nature of the operation. Everything Portal invoices is a service.</summary>
    public OperationNature OperationNature { get; set; } = OperationNature.Services;

    /// <summary>The same reform: the Provider opted to pay VAT on debits (CGI art. 269-2-c) when this invoice was issued.</summary>
    public bool VatOnDebits { get; set; }

    public List<InvoiceLine> Lines { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];

    public decimal TotalExclVat => Money.Round(Lines.Sum(l => l.AmountExclVat));
    public decimal TotalVat => Money.Round(Lines.Sum(l => l.AmountExclVat * l.VatRate));
    public decimal TotalInclVat => TotalExclVat + TotalVat;

    /// <summary>Paid so far: a rejected direct debit takes back the amount it had collected.</summary>
    public decimal AmountPaid => Math.Max(0,
        Payments.Sum(p => p.Kind == PaymentKind.DirectDebitRejection ? -p.Amount : p.Amount));
    public decimal AmountOutstanding => Kind == InvoiceKind.CreditNote ? 0 : Math.Max(0, TotalInclVat - AmountPaid);

    public InvoiceStatus StatusOn(DateOnly today) =>
        Kind == InvoiceKind.CreditNote ? InvoiceStatus.Issued
        : AmountOutstanding == 0 ? InvoiceStatus.Paid
        : today > DueOn ? InvoiceStatus.Overdue
        : AmountPaid > 0 ? InvoiceStatus.PartiallyPaid
        : InvoiceStatus.Issued;
}

public class InvoiceLine
{
    public int Id { get; set; }
    public Guid InvoiceId { get; set; }
    public required string Description { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPriceExclVat { get; set; }

    /// <summary>0.20 for 20 %; 0 under reverse charge or outside the EU.</summary>
    public decimal VatRate { get; set; }

    /// <summary>
    /// The line's amount as invoiced, rounded once for the whole line (DOMAIN "Amounts": 1,000 seats for a month at 10.00 a
    /// year is 833.33, not 1,000 × 0.83), and the last period of a contract year carries the year's remainder. Null on a
    /// line whose amount is simply quantity × unit price (and on lines issued before the amount was stored).
    /// </summary>
    public decimal? InvoicedAmountExclVat { get; set; }

    public decimal AmountExclVat => InvoicedAmountExclVat ?? Money.Round(Quantity * UnitPriceExclVat);

    /// <summary>EN 16931 BT-134/135: the period this line bills (a final invoice gathers several).</summary>
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
}

public class Payment
{
    public int Id { get; set; }
    public Guid InvoiceId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public decimal Amount { get; set; }
    public PaymentKind Kind { get; set; }

    /// <summary>The bank's or the payer's reference; for a credit note settlement, the credit note's number.</summary>
    public string? Reference { get; set; }
    public string? RecordedByUserId { get; set; }
}

public enum InvoiceKind { Invoice, CreditNote }

public enum InvoiceStatus { Issued, PartiallyPaid, Paid, Overdue }

/// <summary>
/// How an amount reached (or left) the invoice. A credit note settles the invoice it corrects by its amount incl.
/// VAT, as an accountant letters it; a rejected direct debit takes back what it had collected.
/// </summary>
public enum PaymentKind { Payment, DirectDebitRejection, CreditNote }

public enum VatTreatment { FrenchVat, ReverseCharge, OutsideEu }

/// <summary>E-invoicing reform: what an invoice bills, goods, services or both.</summary>
public enum OperationNature { Services, Goods, GoodsAndServices }
