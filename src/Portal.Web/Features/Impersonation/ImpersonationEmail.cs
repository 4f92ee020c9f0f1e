using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Impersonation;

/// <summary>
/// DOMAIN "Impersonation": the e-mail telling a Client's administrators that Provider staff started acting in
/// their account, as whom, until when and why; in the recipient's language (it is sent from the staff member's request).
/// </summary>
public sealed record ImpersonationEmail(string Subject, string HtmlBody)
{
    public static ImpersonationEmail For(IStringLocalizer T, ImpersonationSession s, PortalUser target, string culture, string? recipientName) =>
        Culture.In(culture, () => new ImpersonationEmail(
            T["{0} of your provider is acting in your portal account", s.StaffName],
            P(recipientName is null ? T["Hello,"] : T["Hello {0},", Encode(recipientName)]) +
            P(T["<strong>{0}</strong> ({1}) started acting in the portal as {2} on {3} UTC, until {4} UTC at the latest.",
                Encode(s.StaffName), Encode(s.StaffEmail), Encode(target.DisplayName), Time(T, s.StartedAt), Time(T, s.ExpiresAt)]) +
            P(T["Reason given: {0}", Encode(s.Reason)]) +
            P(T["They cannot accept terms, file or withdraw notices, sign a SEPA mandate, order seats, or change passwords or two-factor settings for you. Every action they take is recorded; your dashboard lists each access under \"Provider access\"."])));

    private static string Time(IStringLocalizer T, DateTimeOffset at) =>
        at.UtcDateTime.ToString(T["d MMMM yyyy 'at' HH:mm"], CultureInfo.CurrentCulture);

    // Inline, as e-mail clients ignore style sheets.
    private static string P(string html) => $"<p style=\"margin:0 0 12px\">{html}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
