using Portal.Domain.Billing.EInvoicing;
using Portal.Web.Shared.Pdf;

namespace Portal.Web.Features.Billing.FacturX;

/// <summary>
/// DOMAIN "E-invoicing": each invoice and credit note is a Factur-X 1.0 file, profile EN 16931: the visible PDF as
/// PDF/A-3b with its CII XML embedded as factur-x.xml (AFRelationship Alternative: the XML is the same invoice in
/// another form), and the XMP properties Factur-X names (fx:DocumentType, DocumentFileName, Version, ConformanceLevel).
/// </summary>
public static class FacturXInvoice
{
    /// <summary>Factur-X 1.0 (1.0.7 / 1.09) §2.2: the XMP schema of a Factur-X invoice, with its PDF/A extension description.</summary>
    public static readonly PdfXmpSchema Xmp = new("Factur-X PDFA Extension Schema",
        "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#", "fx",
    [
        new("DocumentType", "INVOICE", "The kind of business document the embedded XML is, in capitals"),
        new("DocumentFileName", CiiInvoice.FileName, "The file name of the embedded XML invoice"),
        new("Version", "1.0", "The version of the Factur-X specification the embedded XML follows"),
        new("ConformanceLevel", "EN 16931", "The Factur-X profile of the embedded XML"),
    ]);

    /// <summary>
    /// The PDF, with the XML embedded when EN 16931 can express the invoice. Every invoice issued since i17 can (issue
    /// refuses the others); one issued before whose facts are incomplete is still shown, as a PDF without XML.
    /// </summary>
    public static byte[] Pdf(InvoiceFacts facts, byte[]? logo = null)
    {
        var model = EInvoiceMapping.From(facts);
        var attachment = EInvoiceCompleteness.Refusal(model) is null ? Attachment(CiiInvoice.Write(model)) : null;
        return InvoicePdf.Render(model, logo, attachment);
    }

    /// <summary>The XML alone (for the buyer's software, the Provider's certified platform); null with why when EN 16931 cannot express it.</summary>
    public static (byte[]? Xml, string? Refusal) Xml(InvoiceFacts facts)
    {
        var model = EInvoiceMapping.From(facts);
        return EInvoiceCompleteness.Refusal(model) is { } refusal ? (null, refusal) : (CiiInvoice.Write(model), null);
    }

    /// <summary>Why the invoice cannot be issued as an e-invoice; null when it can.</summary>
    public static string? Refusal(InvoiceFacts facts) => EInvoiceCompleteness.Refusal(EInvoiceMapping.From(facts));

    public static string XmlFileName(string number) => $"{number}-factur-x.xml";

    private static PdfAssociatedFile Attachment(byte[] xml) =>
        new(CiiInvoice.FileName, xml, "text/xml", "Alternative", "Factur-X invoice (EN 16931)", Xmp);
}
