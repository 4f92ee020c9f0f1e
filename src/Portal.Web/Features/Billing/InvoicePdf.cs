using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Billing.EInvoicing;
using Portal.Domain.Clients;
using Portal.Web.Features.Billing.FacturX;
using Portal.Web.Shared;
using Portal.Web.Shared.Pdf;

namespace Portal.Web.Features.Billing;

/// <summary>
/// An invoice or a credit note as the PDF French law asks for (DOMAIN "Invoices and payment", SEO §11), in the
/// invoice's own language whatever the reader's: its texts are legal mentions of the document, written here in
/// both languages rather than taken from the UI's resx.
/// </summary>
public static class InvoicePdf
{
    public static string FileName(Invoice invoice) => FileName(invoice.Number);

    public static string FileName(string number) => $"{number}.pdf";

    /// <summary>The Factur-X PDF of an invoice read without its database facts (benchmarks, tests): no mandate, no corrected invoice.</summary>
    /// <param name="paymentMethod">From the Client's order form: how the invoice is paid.</param>
    /// <param name="logo">The Provider's logo as PNG; <see cref="PdfBrand.Logo"/> when not given, none when that is missing too.</param>
    public static byte[] Render(Invoice invoice, ProviderProfile provider, PaymentMethod paymentMethod, byte[]? logo = null) =>
        FacturXInvoice.Pdf(new InvoiceFacts(invoice, provider, paymentMethod), logo);

    /// <summary>
    /// Draws the one model the Factur-X XML is also written from (<see cref="EInvoiceMapping"/>), so what the PDF
    /// shows and what the XML says are the same terms.
    /// </summary>
    /// <param name="attachment">The Factur-X XML to embed; null draws the PDF alone.</param>
    public static byte[] Render(EInvoice model, byte[]? logo = null, PdfAssociatedFile? attachment = null)
    {
        var L = InvoiceLabels.For(model.Language);
        var f = new InvoiceFormat(L.Culture);
        var creditNote = model.Type == EInvoiceType.CreditNote;
        var title = string.Format(L.Culture, creditNote ? L.CreditNoteTitle : L.InvoiceTitle, model.Number);

        using var sheet = new PdfSheet(model.Seller.Name, title, L.PageOf, logo ?? PdfBrand.Logo, model.Language);
        if (attachment is not null) sheet.Attach(attachment);

        sheet.Parties(L.Seller, Seller(model.Seller, L), creditNote ? L.CreditedTo : L.BilledTo, Buyer(model.Buyer, L));

        sheet.Heading(creditNote ? L.CreditNoteDetails : L.InvoiceDetails)
            .Field(creditNote ? L.CreditNoteNumber : L.InvoiceNumber, model.Number);
        if (creditNote) sheet.Field(L.CorrectsInvoice, model.Corrects?.Number);
        sheet.Field(L.IssueDate, f.Date(model.IssuedOn))
            .Field(L.ServicePeriod, string.Format(L.Culture, L.PeriodFormat, f.Date(model.PeriodStart), f.Date(model.PeriodEnd)));
        if (model.DueOn is { } due) sheet.Field(L.DueDate, f.Date(due));
        if (model.PurchaseOrderReference is { } po) sheet.Field(L.PurchaseOrder, po);

        sheet.Table(
            [new(L.Description, 3.9), new(L.Quantity, 1, AlignRight: true), new(L.UnitPrice, 1.7, AlignRight: true),
             new(L.VatRate, 1.4, AlignRight: true), new(L.AmountExclVat, 1.8, AlignRight: true)],
            model.Lines.Select(line => (IReadOnlyList<string?>)
                [line.Description, f.Quantity(line.Quantity), f.Eur(line.UnitPriceExclVat), f.Rate(line.VatRate), f.Eur(line.AmountExclVat)]));

        sheet.Totals([
            (L.TotalExclVat, f.Eur(model.TotalExclVat), false),
            (VatLabel(model, L, f), f.Eur(model.TotalVat), false),
            (creditNote ? L.TotalCredited : L.TotalInclVat, f.Eur(model.TotalInclVat), true),
        ]);

        if (model.VatMention is { } wording) sheet.Paragraph(wording);

        sheet.Heading(L.PaymentTerms);
        if (creditNote) sheet.Paragraph(model.Payment.Terms);
        else sheet.Field(L.PaymentMethodLabel, model.Payment.Terms);
        foreach (var note in model.Notes) sheet.Paragraph(note.Text);

        return sheet.ToArray();
    }

    private static List<string> Seller(EInvoiceParty p, InvoiceLabels L)
    {
        var lines = new List<string> { p.Name };
        lines.AddRange(p.LegalMentions.Take(1));
        lines.AddRange(Address(p.Address));
        lines.AddRange(p.LegalMentions.Skip(1));
        lines.Add($"{L.Siren} {p.Siren}");
        lines.Add($"{L.VatNumber} {p.VatNumber}");
        return lines;
    }

    private static List<string> Buyer(EInvoiceParty p, InvoiceLabels L)
    {
        var lines = new List<string> { p.Name };
        lines.AddRange(Address(p.Address));
        // CGI art. 242 nonies A (e-invoicing reform): the buyer's SIREN is a mention of the invoice.
        if (p.Siren is not null) lines.Add($"{L.Siren} {p.Siren}");
        if (p.VatNumber is not null) lines.Add($"{L.VatNumber} {p.VatNumber}");
        return lines;
    }

    private static IEnumerable<string> Address(EInvoiceAddress a)
    {
        if (!string.IsNullOrWhiteSpace(a.Line1)) yield return a.Line1;
        if (!string.IsNullOrWhiteSpace(a.Line2)) yield return a.Line2;
        yield return $"{a.PostalCode} {a.City}".Trim();
        if (!string.IsNullOrWhiteSpace(a.CountryCode)) yield return a.CountryCode;
    }

    /// <summary>"VAT 20 %" when every line has the same rate, else plain "VAT".</summary>
    private static string VatLabel(EInvoice model, InvoiceLabels L, InvoiceFormat f)
    {
        var rates = model.Lines.Select(l => l.VatRate).Distinct().ToList();
        return rates.Count == 1 ? $"{L.Vat} {f.Rate(rates[0])}" : L.Vat;
    }
}

/// <summary>The texts of an invoice PDF, in French and in English.</summary>
public sealed record InvoiceLabels
{
    public required CultureInfo Culture { get; init; }
    public required string InvoiceTitle { get; init; }
    public required string CreditNoteTitle { get; init; }
    public required string PageOf { get; init; }
    public required string Seller { get; init; }
    public required string BilledTo { get; init; }
    public required string CreditedTo { get; init; }
    public required string LegalFormAndCapital { get; init; }
    public required string Siren { get; init; }
    public required string VatNumber { get; init; }
    public required string InvoiceDetails { get; init; }
    public required string CreditNoteDetails { get; init; }
    public required string InvoiceNumber { get; init; }
    public required string CreditNoteNumber { get; init; }
    public required string CorrectsInvoice { get; init; }
    public required string IssueDate { get; init; }
    public required string ServicePeriod { get; init; }
    public required string PeriodFormat { get; init; }
    public required string DueDate { get; init; }
    public required string PurchaseOrder { get; init; }
    public required string Description { get; init; }
    public required string Quantity { get; init; }
    public required string UnitPrice { get; init; }
    public required string VatRate { get; init; }
    public required string AmountExclVat { get; init; }
    public required string TotalExclVat { get; init; }
    public required string Vat { get; init; }
    public required string TotalInclVat { get; init; }
    public required string TotalCredited { get; init; }
    public required string PaymentTerms { get; init; }
    public required string PaymentMethodLabel { get; init; }
    public required string BankTransfer { get; init; }
    public required string DirectDebit { get; init; }
    public required string Online { get; init; }
    public required string CreditNoteSettlement { get; init; }
    public required string LatePenalties { get; init; }
    public required string Indemnity { get; init; }
    public required string NoDiscount { get; init; }

    public static InvoiceLabels For(string? culture) =>
        culture is not null && culture.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    public static readonly InvoiceLabels French = new()
    {
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        InvoiceTitle = "Facture {0}",
        CreditNoteTitle = "Avoir {0}",
        PageOf = "Page {0} sur {1}",
        Seller = "Vendeur",
        BilledTo = "Facturé à",
        CreditedTo = "Avoir au profit de",
        LegalFormAndCapital = "{0} au capital de {1}",
        Siren = "SIREN",
        VatNumber = "N° TVA intracommunautaire",
        InvoiceDetails = "Références",
        CreditNoteDetails = "Références",
        InvoiceNumber = "Numéro de facture",
        CreditNoteNumber = "Numéro d'avoir",
        CorrectsInvoice = "Facture rectifiée",
        IssueDate = "Date d'émission",
        ServicePeriod = "Période de service",
        PeriodFormat = "du {0} au {1}",
        DueDate = "Date d'échéance",
        PurchaseOrder = "Votre bon de commande",
        Description = "Désignation",
        Quantity = "Quantité",
        UnitPrice = "Prix unitaire HT",
        VatRate = "Taux de TVA",
        AmountExclVat = "Montant HT",
        TotalExclVat = "Total HT",
        Vat = "TVA",
        TotalInclVat = "Total TTC à payer",
        TotalCredited = "Total TTC de l'avoir",
        PaymentTerms = "Conditions de paiement",
        PaymentMethodLabel = "Mode de paiement",
        BankTransfer = "Virement bancaire à l'ordre du vendeur — IBAN {0} — BIC {1}, en rappelant le numéro de facture.",
        DirectDebit = "Prélèvement SEPA à l'échéance, sur le compte de votre mandat.",
        Online = "Paiement en ligne à la commande.",
        CreditNoteSettlement = "Le montant de cet avoir est déduit des sommes dues au titre de la facture {0} ou remboursé.",
        LatePenalties = "Pénalités de retard : {0} % par mois, calculées au jour le jour à compter du lendemain de la date d'échéance.",
        Indemnity = "Indemnité forfaitaire pour frais de recouvrement : {0} par facture payée en retard (articles L441-10 et D441-5 du Code de commerce).",
        NoDiscount = "Pas d'escompte pour paiement anticipé.",
    };

    public static readonly InvoiceLabels English = new()
    {
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        InvoiceTitle = "Invoice {0}",
        CreditNoteTitle = "Credit note {0}",
        PageOf = "Page {0} of {1}",
        Seller = "Seller",
        BilledTo = "Billed to",
        CreditedTo = "Credited to",
        LegalFormAndCapital = "{0} with a share capital of {1}",
        Siren = "SIREN",
        VatNumber = "VAT number",
        InvoiceDetails = "Details",
        CreditNoteDetails = "Details",
        InvoiceNumber = "Invoice number",
        CreditNoteNumber = "Credit note number",
        CorrectsInvoice = "Corrected invoice",
        IssueDate = "Issue date",
        ServicePeriod = "Service period",
        PeriodFormat = "{0} to {1}",
        DueDate = "Due date",
        PurchaseOrder = "Your purchase order",
        Description = "Description",
        Quantity = "Quantity",
        UnitPrice = "Unit price excl. VAT",
        VatRate = "VAT rate",
        AmountExclVat = "Amount excl. VAT",
        TotalExclVat = "Total excl. VAT",
        Vat = "VAT",
        TotalInclVat = "Total incl. VAT due",
        TotalCredited = "Total credited incl. VAT",
        PaymentTerms = "Payment terms",
        PaymentMethodLabel = "Payment method",
        BankTransfer = "Bank transfer to the seller — IBAN {0} — BIC {1}, quoting the invoice number.",
        DirectDebit = "SEPA direct debit on the due date, from the account of your mandate.",
        Online = "Paid online when ordered.",
        CreditNoteSettlement = "This credit note is deducted from the amount due on invoice {0}, or refunded.",
        LatePenalties = "Late-payment penalties: {0} % per month, counted per day from the day after the due date.",
        Indemnity = "Fixed indemnity for collection costs: {0} per invoice paid late (French Commercial Code, Articles L441-10 and D441-5).",
        NoDiscount = "No discount for early payment.",
    };
}
