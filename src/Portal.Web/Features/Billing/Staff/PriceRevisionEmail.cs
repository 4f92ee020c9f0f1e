using System.Globalization;
using System.Net;
using Portal.Domain.Billing;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing.Staff;

/// <summary>SEO §10.3: the announcement of the revised prices to the Client's administrators, in the Client's language.</summary>
public sealed record PriceRevisionEmail(string Subject, string HtmlBody)
{
    public static PriceRevisionEmail For(string culture, string? name, DateOnly anniversary, IReadOnlyList<RevisedLine> lines)
    {
        var french = culture == "fr";
        var c = CultureInfo.GetCultureInfo(french ? "fr" : "en");
        var from = WebUtility.HtmlEncode(Culture.Date(anniversary, c));
        var rows = string.Concat(lines.Select(l =>
            $"<li>{WebUtility.HtmlEncode(l.Description)}: {WebUtility.HtmlEncode(Culture.Eur(l.PreviousUnitPrice, c))} → " +
            $"<strong>{WebUtility.HtmlEncode(Culture.Eur(l.RevisedUnitPrice, c))}</strong></li>"));
        var hello = WebUtility.HtmlEncode((french ? "Bonjour" : "Hello") + (name is null ? "" : " " + name));
        return french
            ? new("Révision annuelle de vos prix",
                $"{P}{hello},</p>{P}En application de la clause de révision (indice Syntec), vos prix unitaires annuels hors taxes " +
                $"évoluent à compter du {from}&nbsp;:</p><ul>{rows}</ul>{P}Le détail figure dans le portail, rubrique Abonnement.</p>")
            : new("Annual revision of your prices",
                $"{P}{hello},</p>{P}Under the price revision clause (Syntec index), your annual unit prices excl. VAT change " +
                $"from {from}:</p><ul>{rows}</ul>{P}The details are in the portal, under Subscription.</p>");
    }

    // Inline, as e-mail clients ignore style sheets.
    private const string P = "<p style=\"margin:0 0 12px\">";
}
