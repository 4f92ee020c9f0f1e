using System.Globalization;
using System.Xml.Linq;
using Portal.Web.Features.Billing;
using UglyToad.PdfPig;

namespace Portal.Integration.Tests.Billing.FacturX;

/// <summary>Reads the terms a test compares out of a Factur-X CII document, and the PDF's text beside it.</summary>
public sealed class FacturXXml(XDocument xml)
{
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    public string Number => xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "ID")!.Value;
    public string TypeCode => xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!.Value;
    public DateOnly IssuedOn => Date(xml.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "IssueDateTime")!);
    public DateOnly? DueOn => All("DueDateDateTime").Select(Date).Cast<DateOnly?>().FirstOrDefault();
    public DateOnly PeriodStart => Date(Settlement.Element(Ram + "BillingSpecifiedPeriod")!.Element(Ram + "StartDateTime")!);
    public DateOnly PeriodEnd => Date(Settlement.Element(Ram + "BillingSpecifiedPeriod")!.Element(Ram + "EndDateTime")!);
    public decimal TotalExclVat => Amount(Summation, "TaxBasisTotalAmount");
    public decimal TotalVat => Amount(Summation, "TaxTotalAmount");
    public decimal TotalInclVat => Amount(Summation, "GrandTotalAmount");
    public string? PurchaseOrder => All("BuyerOrderReferencedDocument").Select(e => e.Element(Ram + "IssuerAssignedID")!.Value).FirstOrDefault();
    public string? CorrectedNumber => Settlement.Element(Ram + "InvoiceReferencedDocument")?.Element(Ram + "IssuerAssignedID")?.Value;
    public string PaymentMeans => Settlement.Element(Ram + "SpecifiedTradeSettlementPaymentMeans")?.Element(Ram + "TypeCode")?.Value ?? "";
    public IEnumerable<string> Values(string element) => All(element).Select(e => e.Value);

    public IReadOnlyList<(string Name, decimal Quantity, decimal Price, decimal Amount, DateOnly Start, DateOnly End)> Lines =>
        [.. All("IncludedSupplyChainTradeLineItem").Select(l => (
            l.Element(Ram + "SpecifiedTradeProduct")!.Element(Ram + "Name")!.Value,
            decimal.Parse(l.Descendants(Ram + "BilledQuantity").Single().Value, CultureInfo.InvariantCulture),
            Amount(l.Descendants(Ram + "NetPriceProductTradePrice").Single(), "ChargeAmount"),
            Amount(l.Descendants(Ram + "SpecifiedTradeSettlementLineMonetarySummation").Single(), "LineTotalAmount"),
            Date(l.Descendants(Ram + "StartDateTime").Single()),
            Date(l.Descendants(Ram + "EndDateTime").Single())))];

    private XElement Settlement => All("ApplicableHeaderTradeSettlement").Single();
    private XElement Summation => Settlement.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;
    private IEnumerable<XElement> All(string name) => xml.Descendants(Ram + name);

    private static decimal Amount(XElement parent, string name) => decimal.Parse(parent.Element(Ram + name)!.Value, CultureInfo.InvariantCulture);

    private static DateOnly Date(XElement e) =>
        DateOnly.ParseExact(e.Descendants().First(d => d.Name.LocalName == "DateTimeString").Value, "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Asserts that the PDF shows what the XML says: number, dates, totals and each line (description, quantity, unit
    /// price, amount), written as the invoice's language writes them.
    /// </summary>
    public static void AssertPdfAgrees(byte[] pdf, string culture)
    {
        var xml = new FacturXXml(FacturXChecker.EmbeddedXml(pdf));
        using var document = PdfDocument.Open(pdf);
        var text = Squeeze(string.Join("", document.GetPages().Select(p => p.Text)));
        var f = new InvoiceFormat(InvoiceLabels.For(culture).Culture);
        void Shows(string what, string value) =>
            Assert.True(text.Contains(Squeeze(value), StringComparison.Ordinal), $"{xml.Number}: the PDF does not show the XML's {what} \"{value}\"");
        Shows("number", xml.Number);
        Shows("issue date", f.Date(xml.IssuedOn));
        if (xml.DueOn is { } due) Shows("due date", f.Date(due));
        Shows("period start", f.Date(xml.PeriodStart));
        Shows("period end", f.Date(xml.PeriodEnd));
        Shows("total excl. VAT", f.Eur(xml.TotalExclVat));
        Shows("VAT", f.Eur(xml.TotalVat));
        Shows("total incl. VAT", f.Eur(xml.TotalInclVat));
        if (xml.PurchaseOrder is { } po) Shows("purchase order", po);
        if (xml.CorrectedNumber is { } corrected) Shows("corrected invoice", corrected);
        foreach (var line in xml.Lines)
            Shows($"line \"{line.Name}\"", $"{line.Name} {f.Quantity(line.Quantity)} {f.Eur(line.Price)}");
        foreach (var line in xml.Lines) Shows($"amount of \"{line.Name}\"", f.Eur(line.Amount));
        Assert.Equal(xml.Lines.Count, xml.Lines.Select(l => l.Name).Count()); // every line read
        Assert.Equal(xml.TotalExclVat, xml.Lines.Sum(l => l.Amount));
    }

    /// <summary>Without white space: PdfPig joins wrapped lines without one, and amounts use no-break spaces.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
