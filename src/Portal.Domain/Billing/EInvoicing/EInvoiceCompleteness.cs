namespace Portal.Domain.Billing.EInvoicing;

/// <summary>
/// DOMAIN "E-invoicing": an invoice that EN 16931 cannot express is refused when it is issued, never issued invalid.
/// Each refusal names the missing business term, so whoever issues knows what to complete. The checks are the
/// norm's mandatory terms Portal can miss (BR-06 to BR-11, BR-16, BR-55, BR-61, BR-S-02, BR-AE-02) plus the French
/// reform's SIRENs; the rest (codes, totals, formats) Portal writes itself and the Factur-X checker proves in tests.
/// </summary>
public static class EInvoiceCompleteness
{
    public const string SellerName = "The Provider's legal name is missing (EN 16931 BT-27): set it in the Provider's settings before issuing.";
    public const string SellerSiren = "The Provider's SIREN is missing or is not 9 digits (EN 16931 BT-30): set it in the Provider's settings before issuing.";
    public const string SellerVatNumber = "The Provider's VAT number is missing (EN 16931 BT-31): set it in the Provider's settings before issuing.";
    public const string SellerAddress = "The Provider's address is incomplete (EN 16931 BG-5: street, postal code, city and a two-letter country code): complete it in the Provider's settings before issuing.";
    public const string SellerIban = "The Provider's IBAN is missing (EN 16931 BT-84): an invoice paid by bank transfer must name it. Set it in the Provider's settings before issuing.";
    public const string SellerCreditorId = "The Provider's SEPA creditor identifier is missing (EN 16931 BT-90): an invoice paid by SEPA direct debit must name it. Set Portal:Provider:SepaCreditorId before issuing.";
    public const string BuyerName = "The buyer's legal name is missing (EN 16931 BT-44): complete the Client before issuing.";
    public const string BuyerAddress = "The buyer's address is incomplete (EN 16931 BG-8: street, postal code, city and a two-letter country code): complete the Client's address before issuing.";
    public const string BuyerSiren = "The buyer's SIREN is missing (EN 16931 BT-47): since the e-invoicing reform a French buyer is named by its 9-digit SIREN. Record it in the Client's registration number before issuing.";
    public const string BuyerVatNumber = "The buyer's VAT number is missing (EN 16931 BT-48): reverse charge needs it. Complete the Client before issuing.";
    public const string UnhandledVatCategory = "This Client's VAT treatment (outside the EU, not subject to French VAT) has no EN 16931 VAT category that Portal issues (BT-118): the invoice was not issued.";
    public const string CorrectedInvoice = "A credit note must name the invoice it corrects (EN 16931 BT-25).";

    /// <summary>The UNCL 5305 category of a VAT treatment; null for one Portal does not issue as an e-invoice.</summary>
    /// <remarks>
    /// Services to a business outside the EU are outside the scope of French VAT (CGI art. 259-1): EN 16931 would call
    /// that "O", whose BR-O-02 forbids the seller's VAT number that French law requires on the invoice. Until the
    /// Provider's accountant settles which category to use, such an invoice is refused rather than guessed.
    /// </remarks>
    public static EInvoiceVatCategory? CategoryOf(VatTreatment treatment) => treatment switch
    {
        VatTreatment.FrenchVat => EInvoiceVatCategory.Standard,
        VatTreatment.ReverseCharge => EInvoiceVatCategory.ReverseCharge,
        _ => null,
    };

    /// <returns>Why the e-invoice cannot be issued (the first missing term); null when it can.</returns>
    public static string? Refusal(EInvoice invoice)
    {
        var seller = invoice.Seller;
        var buyer = invoice.Buyer;
        if (Blank(seller.Name)) return SellerName;
        if (!Siren.IsValid(seller.Siren)) return SellerSiren;
        if (Blank(seller.VatNumber)) return SellerVatNumber;
        if (!Complete(seller.Address)) return SellerAddress;
        if (Blank(buyer.Name)) return BuyerName;
        if (!Complete(buyer.Address)) return BuyerAddress;
        // CGI art. 242 nonies A (as amended by the e-invoicing reform): a French buyer's SIREN is on every invoice.
        if (buyer.Address.CountryCode is "FR" && !Siren.IsValid(buyer.Siren)) return BuyerSiren;
        if (invoice.Lines.Any(l => l.Category is null)) return UnhandledVatCategory;
        if (invoice.Lines.Any(l => l.Category == EInvoiceVatCategory.ReverseCharge) && Blank(buyer.VatNumber)) return BuyerVatNumber;
        if (invoice.Type == EInvoiceType.CreditNote && invoice.Corrects is null) return CorrectedInvoice;
        return invoice.Payment.Means switch
        {
            EInvoicePaymentMeans.SepaCreditTransfer when Blank(invoice.Payment.Iban) => SellerIban,
            EInvoicePaymentMeans.SepaDirectDebit when Blank(invoice.Payment.CreditorIdentifier) => SellerCreditorId,
            _ => null,
        };
    }

    private static bool Complete(EInvoiceAddress a) =>
        !Blank(a.Line1) && !Blank(a.PostalCode) && !Blank(a.City) && a.CountryCode is { Length: 2 } code && code.All(char.IsAsciiLetterUpper);

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
