using System.Globalization;
using System.Net;
using Portal.Domain.Billing;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing;

/// <summary>
/// DOMAIN "Invoices and payment": each issued invoice goes, PDF attached, to the Client's accounts-payable addresses.
/// Written in the invoice's language in both versions here, like the PDF: it is sent by a job, not from a reader's page.
/// </summary>
public sealed record InvoiceEmail(string Subject, string HtmlBody)
{
    public static string ReasonFor(Invoice invoice, string toEmail) => $"Invoice:{invoice.Number}:{toEmail.ToLowerInvariant()}";

    public static InvoiceEmail For(Invoice invoice, string providerName, string? recipientName)
    {
        var french = invoice.Culture == "fr";
        var culture = CultureInfo.GetCultureInfo(french ? "fr" : "en");
        var creditNote = invoice.Kind == InvoiceKind.CreditNote;
        var hello = french ? "Bonjour" : "Hello";
        var name = recipientName is null ? "" : " " + Encode(recipientName);
        var amount = Encode(Culture.Eur(invoice.TotalInclVat, culture));
        var due = Encode(Culture.Date(invoice.DueOn, culture));
        var number = Encode(invoice.Number);

        string subject, body;
        if (french)
        {
            subject = creditNote ? $"Avoir {invoice.Number} de {providerName}" : $"Facture {invoice.Number} de {providerName}";
            body = creditNote
                ? $"{P}{hello}{name},</p>{P}Vous trouverez ci-joint l'avoir <strong>{number}</strong> d'un montant de {amount} TTC, " +
                  "qui vient en déduction des sommes dues.</p>"
                : $"{P}{hello}{name},</p>{P}Vous trouverez ci-joint la facture <strong>{number}</strong> d'un montant de {amount} TTC, " +
                  $"à régler au plus tard le {due}.</p>";
            body += $"{P}Elle est aussi disponible dans le portail, rubrique Factures.</p>";
        }
        else
        {
            subject = creditNote ? $"Credit note {invoice.Number} from {providerName}" : $"Invoice {invoice.Number} from {providerName}";
            body = creditNote
                ? $"{P}{hello}{name},</p>{P}Please find attached credit note <strong>{number}</strong> for {amount} incl. VAT, " +
                  "deducted from the amounts due.</p>"
                : $"{P}{hello}{name},</p>{P}Please find attached invoice <strong>{number}</strong> for {amount} incl. VAT, " +
                  $"due by {due}.</p>";
            body += $"{P}It is also in the portal, under Invoices.</p>";
        }
        return new(subject, body);
    }

    // Inline, as e-mail clients ignore style sheets.
    private const string P = "<p style=\"margin:0 0 12px\">";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
