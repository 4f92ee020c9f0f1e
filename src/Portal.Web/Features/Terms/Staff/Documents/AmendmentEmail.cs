using System.Net;
using Microsoft.Extensions.Localization;
using Portal.Domain.Terms;
using Portal.Web.Shared;

namespace Portal.Web.Features.Terms.Staff.Documents;

/// <summary>
/// DOMAIN "Amendments": the e-mail that notifies a Client's administrators of a new version (SEO §20.1),
/// in the recipient's language, whatever the language of the publisher's request that sends it.
/// </summary>
public sealed record AmendmentEmail(string Subject, string HtmlBody)
{
    public static string ReasonFor(DocumentVersion version) => $"Amendment:{version.Id}";

    public static AmendmentEmail For(IStringLocalizer T, DocumentVersion v, string culture, string? recipientName) =>
        Culture.In(culture, () =>
        {
            var doc = T[DisplayNames.Of(v.Type)].Value;
            var body = P(recipientName is null ? T["Hello,"] : T["Hello {0},", Encode(recipientName)]) +
                P(T["We have published version <strong>{0}</strong> of the {1}.", Encode(v.Label), Encode(doc)]) +
                P(T["What changes: {0}", Encode(v.ChangeSummary)]) +
                P(v.IsLegalComplianceChange
                    ? T["This change is required by law or regulation: it takes effect at once, on {0}.", Date(v.EffectiveAt)]
                    : T["It takes effect on {0}. If you do not accept it, you may end the contract before that date; otherwise it is deemed accepted on that date (clause 20.1 of the general terms).", Date(v.EffectiveAt)]) +
                (v.MateriallyReducesService
                    ? P(T["This version materially reduces availability, backups or access to support. You may therefore terminate the contract because of it until {0}, by registered letter citing this amendment; the termination then takes effect three months after your notice.", Date(TerminationRightEnds(v))])
                    : "") +
                P(T["You can read the new version in the portal."]);
            return new AmendmentEmail(T["New version {0} of the {1}", v.Label, doc], body);
        });

    // SEO §14.3: the Client may terminate within one month of the notice.
    private static DateTimeOffset TerminationRightEnds(DocumentVersion v) => v.PublishedAt.AddMonths(AmendmentNotice.DefaultNoticeMonths);

    private static string Date(DateTimeOffset at) => Culture.Date(DateOnly.FromDateTime(at.UtcDateTime));

    // Inline, as e-mail clients ignore style sheets.
    private static string P(string html) => $"<p style=\"margin:0 0 12px\">{html}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
