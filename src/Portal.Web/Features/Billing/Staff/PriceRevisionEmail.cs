using System.Net;
using Microsoft.Extensions.Localization;
using Portal.Domain.Billing;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing.Staff;

/// <summary>SEO §10.3: the announcement of the revised prices to the Client's administrators, in the Client's language.</summary>
public sealed record PriceRevisionEmail(string Subject, string HtmlBody)
{
    public static PriceRevisionEmail For(IStringLocalizer T, string culture, string? name, DateOnly anniversary, IReadOnlyList<RevisedLine> lines) =>
        Culture.In(culture, () =>
        {
            var rows = string.Concat(lines.Select(l =>
                $"<li>{Encode(l.Description)}: {Encode(Culture.Eur(l.PreviousUnitPrice))} → <strong>{Encode(Culture.Eur(l.RevisedUnitPrice))}</strong></li>"));
            return new PriceRevisionEmail(T["Annual revision of your prices"],
                P(name is null ? T["Hello,"] : T["Hello {0},", Encode(name)]) +
                P(T["Under the price revision clause (Syntec index), your annual unit prices excl. VAT change from {0}:", Encode(Culture.Date(anniversary))]) +
                $"<ul>{rows}</ul>" +
                P(T["The details are in the portal, under Subscription."]));
        });

    // Inline, as e-mail clients ignore style sheets.
    private static string P(string html) => $"<p style=\"margin:0 0 12px\">{html}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
