namespace Portal.Domain.Billing.EInvoicing;

/// <summary>
/// One invoice or credit note as EN 16931 sees it (the business terms Portal uses, numbered BT-n / BG-n as in the norm).
/// It is the one source of both the visible PDF and the Factur-X XML embedded in it (DOMAIN "E-invoicing": PDF and XML
/// come from one model and never disagree). Texts are already in the invoice's language.
/// </summary>
public sealed record EInvoice
{
    /// <summary>BT-5: Portal invoices in euros only.</summary>
    public const string Currency = "EUR";

    /// <summary>BT-1.</summary>
    public required string Number { get; init; }

    /// <summary>BT-3: 380 commercial invoice, 381 credit note.</summary>
    public required EInvoiceType Type { get; init; }

    /// <summary>BT-2.</summary>
    public required DateOnly IssuedOn { get; init; }

    /// <summary>BT-9; none on a credit note, which is settled against the invoice it corrects.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>BG-14 (BT-73, BT-74): the service period the document bills.</summary>
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>"fr" or "en": the language of every text below.</summary>
    public required string Language { get; init; }

    /// <summary>BT-13: the buyer's purchase order (SEO §11.2), when it gave one.</summary>
    public string? PurchaseOrderReference { get; init; }

    /// <summary>BG-3 (BT-25, BT-26): the invoice a credit note corrects.</summary>
    public EInvoiceReference? Corrects { get; init; }

    /// <summary>BG-4.</summary>
    public required EInvoiceParty Seller { get; init; }

    /// <summary>BG-7.</summary>
    public required EInvoiceParty Buyer { get; init; }

    /// <summary>BG-25, in the order of the document.</summary>
    public required IReadOnlyList<EInvoiceLine> Lines { get; init; }

    /// <summary>BG-23: one breakdown per VAT category and rate.</summary>
    public required IReadOnlyList<EInvoiceVatBreakdown> VatBreakdown { get; init; }

    /// <summary>BT-106 = BT-109 (no document-level allowance or charge).</summary>
    public required decimal TotalExclVat { get; init; }

    /// <summary>BT-110.</summary>
    public required decimal TotalVat { get; init; }

    /// <summary>BT-112 = BT-115 (nothing prepaid).</summary>
    public required decimal TotalInclVat { get; init; }

    /// <summary>BG-16 and BT-20: how it is paid, and the payment terms as printed.</summary>
    public required EInvoicePayment Payment { get; init; }

    /// <summary>
    /// CGI art. 269-2-c: a provider of services that opted for VAT on debits owes the VAT when it invoices, not when it
    /// is paid. Printed on the invoice and carried as BT-8 (the VAT point date code) and a TXD note.
    /// </summary>
    public bool VatOnDebits { get; init; }

    /// <summary>BG-1 (BT-21, BT-22): the legal mentions, each with its UNTDID 4451 subject code (PMD, PMT, AAB, TXD).</summary>
    public required IReadOnlyList<EInvoiceNote> Notes { get; init; }

    /// <summary>The legal mention of the VAT treatment printed under the totals (reverse charge), when there is one.</summary>
    public string? VatMention { get; init; }
}

public enum EInvoiceType
{
    Invoice = 380,
    CreditNote = 381,
}

/// <param name="Number">BT-25.</param>
/// <param name="IssuedOn">BT-26.</param>
public sealed record EInvoiceReference(string Number, DateOnly IssuedOn);

/// <param name="Name">BT-27 / BT-44: the legal name.</param>
/// <param name="Siren">BT-30 / BT-47 with scheme 0002 (SIRENE); a foreign buyer's registration number goes in
/// <paramref name="RegistrationNumber"/> without a scheme instead.</param>
/// <param name="VatNumber">BT-31 / BT-48.</param>
/// <param name="LegalMentions">BT-33, one printed line each: legal form and share capital, RCS (the seller's
/// "additional legal information").</param>
/// <param name="ElectronicAddress">BT-34 / BT-49 with its EAS scheme (0002 SIREN, 0225 French routing code).</param>
public sealed record EInvoiceParty(
    string Name,
    EInvoiceAddress Address,
    string? Siren,
    string? RegistrationNumber,
    string? VatNumber,
    IReadOnlyList<string> LegalMentions,
    EInvoiceElectronicAddress? ElectronicAddress = null);

/// <param name="CountryCode">BT-40 / BT-55: ISO 3166-1 alpha-2.</param>
public sealed record EInvoiceAddress(string? Line1, string? Line2, string? PostalCode, string? City, string? CountryCode);

/// <param name="Scheme">The CEF EAS code of the address, e.g. 0002 (SIREN) or 0225 (French e-invoicing routing code).</param>
public sealed record EInvoiceElectronicAddress(string Value, string Scheme);

/// <param name="Id">BT-126: 1, 2, 3… in the document's order.</param>
/// <param name="Category">BT-151; null when the line's VAT treatment has no category Portal issues (refused at issue).</param>
/// <param name="Description">BT-153: the item name, as printed.</param>
/// <param name="Quantity">BT-129, in <see cref="UnitCode"/> (BT-130).</param>
/// <param name="UnitPriceExclVat">BT-146: the net price of one unit.</param>
/// <param name="AmountExclVat">BT-131 = quantity × net price, rounded to the cent.</param>
/// <param name="PeriodStart">BT-134: the line's own period (the invoice's unless the line bills another).</param>
/// <param name="PeriodEnd">BT-135.</param>
public sealed record EInvoiceLine(
    int Id,
    string Description,
    decimal Quantity,
    decimal UnitPriceExclVat,
    EInvoiceVatCategory? Category,
    decimal VatRate,
    decimal AmountExclVat,
    DateOnly PeriodStart,
    DateOnly PeriodEnd)
{
    /// <summary>UN/ECE Recommendation 20 "C62" (one): a seat, a subscription, a day of service.</summary>
    public const string UnitCode = "C62";
}

/// <summary>UNCL 5305 VAT categories Portal issues: standard rate, or reverse charge for an EU business buyer.</summary>
public enum EInvoiceVatCategory
{
    /// <summary>"S": French VAT at a positive rate.</summary>
    Standard,

    /// <summary>"AE": the buyer accounts for the VAT (Directive 2006/112/EC art. 196).</summary>
    ReverseCharge,
}

/// <param name="TaxableAmount">BT-116.</param>
/// <param name="VatAmount">BT-117.</param>
/// <param name="Rate">BT-119 as a fraction: 0.20 for 20 %.</param>
/// <param name="ExemptionReason">BT-120 (text) for reverse charge.</param>
/// <param name="ExemptionReasonCode">BT-121 (VATEX) for reverse charge: VATEX-EU-AE.</param>
public sealed record EInvoiceVatBreakdown(
    EInvoiceVatCategory Category,
    decimal Rate,
    decimal TaxableAmount,
    decimal VatAmount,
    string? ExemptionReason,
    string? ExemptionReasonCode);

/// <param name="Means">BT-81; null on a credit note (it is deducted from the invoice it corrects, not paid).</param>
/// <param name="Terms">BT-20: the payment terms as printed.</param>
/// <param name="Iban">BT-84: the Provider's account, for a transfer.</param>
/// <param name="Bic">BT-86.</param>
/// <param name="MandateReference">BT-89: the SEPA mandate's unique reference, for a direct debit.</param>
/// <param name="CreditorIdentifier">BT-90: the Provider's SEPA creditor identifier, for a direct debit.</param>
/// <param name="DebitedIban">BT-91: the buyer's account named in its mandate.</param>
public sealed record EInvoicePayment(
    EInvoicePaymentMeans? Means,
    string Terms,
    string? Iban = null,
    string? Bic = null,
    string? MandateReference = null,
    string? CreditorIdentifier = null,
    string? DebitedIban = null);

/// <summary>UNCL 4461 payment means.</summary>
public enum EInvoicePaymentMeans
{
    /// <summary>58: SEPA credit transfer.</summary>
    SepaCreditTransfer = 58,

    /// <summary>59: SEPA direct debit.</summary>
    SepaDirectDebit = 59,

    /// <summary>68: online payment service (an online order, paid when ordered, SEO §11.1.1).</summary>
    OnlinePayment = 68,
}

/// <param name="SubjectCode">BT-21 (UNTDID 4451): PMD late-payment penalties, PMT collection indemnity, AAB discount, TXD tax.</param>
/// <param name="Text">BT-22, as printed.</param>
public sealed record EInvoiceNote(string SubjectCode, string Text);
