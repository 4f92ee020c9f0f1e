using System.Net;
using Microsoft.Extensions.Localization;
using Portal.Domain.Billing;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing;

/// <summary>
/// DOMAIN "Invoices and payment": each issued invoice goes, PDF attached, to the Client's accounts-payable addresses,
/// in the invoice's language like the PDF (it is sent by a job, not from a reader's page).
/// </summary>
public sealed record InvoiceEmail(string Subject, string HtmlBody)
{
    public static string ReasonFor(Invoice invoice, string toEmail) => $"Invoice:{invoice.Number}:{toEmail.ToLowerInvariant()}";

    public static InvoiceEmail For(IStringLocalizer T, Invoice invoice, string providerName, string? recipientName) =>
        Culture.In(invoice.Culture, () =>
        {
            var creditNote = invoice.Kind == InvoiceKind.CreditNote;
            var (number, amount) = (Encode(invoice.Number), Encode(Culture.Eur(invoice.TotalInclVat)));
            var subject = creditNote
                ? T["Credit note {0} from {1}", invoice.Number, providerName]
                : T["Invoice {0} from {1}", invoice.Number, providerName];
            var body = P(recipientName is null ? T["Hello,"] : T["Hello {0},", Encode(recipientName)]) +
                P(creditNote
                    ? T["Please find attached credit note <strong>{0}</strong> for {1} incl. VAT, deducted from the amounts due.", number, amount]
                    : T["Please find attached invoice <strong>{0}</strong> for {1} incl. VAT, due by {2}.", number, amount, Encode(Culture.Date(invoice.DueOn))]) +
                P(T["It is also in the portal, under Invoices."]);
            return new InvoiceEmail(subject, body);
        });

    // Inline, as e-mail clients ignore style sheets.
    private static string P(string html) => $"<p style=\"margin:0 0 12px\">{html}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
