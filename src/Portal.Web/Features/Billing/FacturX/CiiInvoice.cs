using System.Globalization;
using System.Text;
using System.Xml;
using Portal.Domain.Billing.EInvoicing;

namespace Portal.Web.Features.Billing.FacturX;

/// <summary>
/// The Factur-X XML of an <see cref="EInvoice"/>: UN/CEFACT Cross Industry Invoice D16B, profile EN 16931
/// (Factur-X 1.0.7 / 1.09 "EN 16931", specification identifier BT-24 <c>urn:cen.eu:en16931:2017</c>). Elements are
/// written in the order the Factur-X EN 16931 XSD requires; tests check the result with the official XSD and
/// schematrons (tests/einvoice).
/// </summary>
public static class CiiInvoice
{
    /// <summary>The name Factur-X gives the embedded file (and its XMP fx:DocumentFileName).</summary>
    public const string FileName = "factur-x.xml";

    public const string Profile = "urn:cen.eu:en16931:2017";

    private const string RsmNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private const string RamNs = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private const string QdtNs = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    private const string UdtNs = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    /// <summary>The XML as UTF-8 bytes, without a byte order mark.</summary>
    public static byte[] Write(EInvoice invoice)
    {
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rsm", "CrossIndustryInvoice", RsmNs);
            xml.WriteAttributeString("xmlns", "qdt", null, QdtNs);
            xml.WriteAttributeString("xmlns", "ram", null, RamNs);
            xml.WriteAttributeString("xmlns", "udt", null, UdtNs);

            xml.WriteStartElement("rsm", "ExchangedDocumentContext", RsmNs);
            // BT-23, French CTC "cadre de facturation": S1 = services, an invoice to be paid (the nature of the operation).
            Parent(xml, "BusinessProcessSpecifiedDocumentContextParameter", () => Ram(xml, "ID", "S1"));
            Parent(xml, "GuidelineSpecifiedDocumentContextParameter", () => Ram(xml, "ID", Profile));
            xml.WriteEndElement();

            xml.WriteStartElement("rsm", "ExchangedDocument", RsmNs);
            Ram(xml, "ID", invoice.Number);
            Ram(xml, "TypeCode", ((int)invoice.Type).ToString(CultureInfo.InvariantCulture));
            Date(xml, "IssueDateTime", invoice.IssuedOn);
            foreach (var note in invoice.Notes)
                Parent(xml, "IncludedNote", () => { Ram(xml, "Content", note.Text); Ram(xml, "SubjectCode", note.SubjectCode); });
            xml.WriteEndElement();

            xml.WriteStartElement("rsm", "SupplyChainTradeTransaction", RsmNs);
            foreach (var line in invoice.Lines) Line(xml, line);
            Parent(xml, "ApplicableHeaderTradeAgreement", () =>
            {
                Party(xml, "SellerTradeParty", invoice.Seller);
                Party(xml, "BuyerTradeParty", invoice.Buyer);
                if (invoice.PurchaseOrderReference is { } po) Parent(xml, "BuyerOrderReferencedDocument", () => Ram(xml, "IssuerAssignedID", po));
            });
            // BG-13: no delivery information (services); the element is required by the schema.
            xml.WriteStartElement("ram", "ApplicableHeaderTradeDelivery", RamNs);
            xml.WriteEndElement();
            Settlement(xml, invoice);
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToArray();
    }

    private static void Line(XmlWriter xml, EInvoiceLine line) => Parent(xml, "IncludedSupplyChainTradeLineItem", () =>
    {
        Parent(xml, "AssociatedDocumentLineDocument", () => Ram(xml, "LineID", line.Id.ToString(CultureInfo.InvariantCulture)));
        Parent(xml, "SpecifiedTradeProduct", () => Ram(xml, "Name", line.Description));
        Parent(xml, "SpecifiedLineTradeAgreement", () =>
            Parent(xml, "NetPriceProductTradePrice", () => Ram(xml, "ChargeAmount", Amount(line.UnitPriceExclVat))));
        Parent(xml, "SpecifiedLineTradeDelivery", () =>
        {
            xml.WriteStartElement("ram", "BilledQuantity", RamNs);
            xml.WriteAttributeString("unitCode", EInvoiceLine.UnitCode);
            xml.WriteString(Quantity(line.Quantity));
            xml.WriteEndElement();
        });
        Parent(xml, "SpecifiedLineTradeSettlement", () =>
        {
            Parent(xml, "ApplicableTradeTax", () =>
            {
                Ram(xml, "TypeCode", "VAT");
                Ram(xml, "CategoryCode", CategoryCode(line.Category));
                Ram(xml, "RateApplicablePercent", Percent(line.VatRate));
            });
            Period(xml, line.PeriodStart, line.PeriodEnd);
            Parent(xml, "SpecifiedTradeSettlementLineMonetarySummation", () => Ram(xml, "LineTotalAmount", Amount(line.AmountExclVat)));
        });
    });

    private static void Party(XmlWriter xml, string element, EInvoiceParty party) => Parent(xml, element, () =>
    {
        Ram(xml, "Name", party.Name);
        if (party.LegalMentions.Count > 0) Ram(xml, "Description", string.Join(", ", party.LegalMentions));
        if (party.Siren is not null || party.RegistrationNumber is not null)
            Parent(xml, "SpecifiedLegalOrganization", () =>
            {
                if (party.Siren is { } siren) Id(xml, "ID", siren, "0002"); // ISO 6523 ICD 0002: SIRENE
                else Ram(xml, "ID", party.RegistrationNumber!);
            });
        Parent(xml, "PostalTradeAddress", () =>
        {
            var a = party.Address;
            Optional(xml, "PostcodeCode", a.PostalCode);
            Optional(xml, "LineOne", a.Line1);
            Optional(xml, "LineTwo", a.Line2);
            Optional(xml, "CityName", a.City);
            Ram(xml, "CountryID", a.CountryCode ?? "");
        });
        if (party.ElectronicAddress is { } address)
            Parent(xml, "URIUniversalCommunication", () => Id(xml, "URIID", address.Value, address.Scheme));
        if (party.VatNumber is { } vat) Parent(xml, "SpecifiedTaxRegistration", () => Id(xml, "ID", vat, "VA"));
    });

    private static void Settlement(XmlWriter xml, EInvoice invoice) => Parent(xml, "ApplicableHeaderTradeSettlement", () =>
    {
        var pay = invoice.Payment;
        if (pay.Means == EInvoicePaymentMeans.SepaDirectDebit && pay.CreditorIdentifier is { } creditor) Ram(xml, "CreditorReferenceID", creditor);
        // BT-83: a transfer quotes the invoice number (the printed payment terms ask for it).
        if (pay.Means == EInvoicePaymentMeans.SepaCreditTransfer) Ram(xml, "PaymentReference", invoice.Number);
        Ram(xml, "InvoiceCurrencyCode", EInvoice.Currency);
        if (pay.Means is { } means)
            Parent(xml, "SpecifiedTradeSettlementPaymentMeans", () =>
            {
                Ram(xml, "TypeCode", ((int)means).ToString(CultureInfo.InvariantCulture));
                if (means == EInvoicePaymentMeans.SepaDirectDebit && pay.DebitedIban is { } debited)
                    Parent(xml, "PayerPartyDebtorFinancialAccount", () => Ram(xml, "IBANID", debited));
                if (means == EInvoicePaymentMeans.SepaCreditTransfer && pay.Iban is { } iban)
                {
                    Parent(xml, "PayeePartyCreditorFinancialAccount", () => Ram(xml, "IBANID", iban));
                    if (pay.Bic is { } bic) Parent(xml, "PayeeSpecifiedCreditorFinancialInstitution", () => Ram(xml, "BICID", bic));
                }
            });
        foreach (var vat in invoice.VatBreakdown)
            Parent(xml, "ApplicableTradeTax", () =>
            {
                Ram(xml, "CalculatedAmount", Amount(vat.VatAmount));
                Ram(xml, "TypeCode", "VAT");
                Optional(xml, "ExemptionReason", vat.ExemptionReason);
                Ram(xml, "BasisAmount", Amount(vat.TaxableAmount));
                Ram(xml, "CategoryCode", CategoryCode(vat.Category));
                Optional(xml, "ExemptionReasonCode", vat.ExemptionReasonCode);
                // BT-8 (UNTDID 2475 in CII): VAT on services is due when paid (72) unless the seller opted for debits,
                // then when invoiced (5). Reverse charge: the buyer accounts for it, so no date code.
                if (vat.Category == EInvoiceVatCategory.Standard) Ram(xml, "DueDateTypeCode", invoice.VatOnDebits ? "5" : "72");
                Ram(xml, "RateApplicablePercent", Percent(vat.Rate));
            });
        Period(xml, invoice.PeriodStart, invoice.PeriodEnd);
        Parent(xml, "SpecifiedTradePaymentTerms", () =>
        {
            Ram(xml, "Description", pay.Terms);
            if (invoice.DueOn is { } due) Date(xml, "DueDateDateTime", due);
            if (pay.Means == EInvoicePaymentMeans.SepaDirectDebit && pay.MandateReference is { } mandate) Ram(xml, "DirectDebitMandateID", mandate);
        });
        Parent(xml, "SpecifiedTradeSettlementHeaderMonetarySummation", () =>
        {
            Ram(xml, "LineTotalAmount", Amount(invoice.TotalExclVat));
            Ram(xml, "TaxBasisTotalAmount", Amount(invoice.TotalExclVat));
            xml.WriteStartElement("ram", "TaxTotalAmount", RamNs);
            xml.WriteAttributeString("currencyID", EInvoice.Currency);
            xml.WriteString(Amount(invoice.TotalVat));
            xml.WriteEndElement();
            Ram(xml, "GrandTotalAmount", Amount(invoice.TotalInclVat));
            Ram(xml, "DuePayableAmount", Amount(invoice.TotalInclVat));
        });
        if (invoice.Corrects is { } corrected)
            Parent(xml, "InvoiceReferencedDocument", () =>
            {
                Ram(xml, "IssuerAssignedID", corrected.Number);
                xml.WriteStartElement("ram", "FormattedIssueDateTime", RamNs);
                xml.WriteStartElement("qdt", "DateTimeString", QdtNs);
                xml.WriteAttributeString("format", "102");
                xml.WriteString(Day(corrected.IssuedOn));
                xml.WriteEndElement();
                xml.WriteEndElement();
            });
    });

    private static void Period(XmlWriter xml, DateOnly start, DateOnly end) => Parent(xml, "BillingSpecifiedPeriod", () =>
    {
        Date(xml, "StartDateTime", start);
        Date(xml, "EndDateTime", end);
    });

    /// <summary>UNCL 5305; a line without a category is refused before it is ever written.</summary>
    private static string CategoryCode(EInvoiceVatCategory? category) => category switch
    {
        EInvoiceVatCategory.Standard => "S",
        EInvoiceVatCategory.ReverseCharge => "AE",
        _ => throw new InvalidOperationException("An e-invoice line without a VAT category cannot be written: EInvoiceCompleteness refuses it."),
    };

    private static void Parent(XmlWriter xml, string name, Action children)
    {
        xml.WriteStartElement("ram", name, RamNs);
        children();
        xml.WriteEndElement();
    }

    private static void Ram(XmlWriter xml, string name, string value) => xml.WriteElementString("ram", name, RamNs, value);

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) Ram(xml, name, value);
    }

    private static void Id(XmlWriter xml, string name, string value, string scheme)
    {
        xml.WriteStartElement("ram", name, RamNs);
        xml.WriteAttributeString("schemeID", scheme);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    /// <summary>A date as udt:DateTimeString, format 102 (CCYYMMDD).</summary>
    private static void Date(XmlWriter xml, string name, DateOnly date) => Parent(xml, name, () =>
    {
        xml.WriteStartElement("udt", "DateTimeString", UdtNs);
        xml.WriteAttributeString("format", "102");
        xml.WriteString(Day(date));
        xml.WriteEndElement();
    });

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Quantity(decimal quantity) => quantity.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture);
}
