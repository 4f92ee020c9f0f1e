using System.Globalization;
using System.Net;
using Portal.Domain.Staff;
using Portal.Web.Data;

namespace Portal.Web.Features.Impersonation;

/// <summary>
/// DOMAIN "Impersonation": the e-mail telling a Client's administrators that Provider staff started acting in
/// their account, as whom, until when and why; in the recipient's language (it is sent from the staff member's request).
/// </summary>
public sealed record ImpersonationEmail(string Subject, string HtmlBody)
{
    public static ImpersonationEmail For(ImpersonationSession s, PortalUser target, string culture, string? recipientName) =>
        culture == "fr" ? French(s, target, recipientName) : English(s, target, recipientName);

    private static ImpersonationEmail English(ImpersonationSession s, PortalUser target, string? name) => new(
        $"{s.StaffName} of your provider is acting in your portal account",
        $"{P}Hello{(name is null ? "" : " " + Encode(name))},</p>" +
        $"{P}<strong>{Encode(s.StaffName)}</strong> ({Encode(s.StaffEmail)}) started acting in the portal as " +
        $"{Encode(target.DisplayName)} on {Time(s.StartedAt, "en")} UTC, until {Time(s.ExpiresAt, "en")} UTC at the latest.</p>" +
        $"{P}Reason given: {Encode(s.Reason)}</p>" +
        $"{P}They cannot accept terms, file or withdraw notices, sign a SEPA mandate, order seats, or change passwords or " +
        "two-factor settings for you. Every action they take is recorded; your dashboard lists each access under \"Provider access\".</p>");

    private static ImpersonationEmail French(ImpersonationSession s, PortalUser target, string? name) => new(
        $"{s.StaffName}, de votre fournisseur, agit dans votre compte du portail",
        $"{P}Bonjour{(name is null ? "" : " " + Encode(name))},</p>" +
        $"{P}<strong>{Encode(s.StaffName)}</strong> ({Encode(s.StaffEmail)}) agit dans le portail en tant que " +
        $"{Encode(target.DisplayName)} depuis le {Time(s.StartedAt, "fr")} UTC, au plus tard jusqu'au {Time(s.ExpiresAt, "fr")} UTC.</p>" +
        $"{P}Motif indiqué&nbsp;: {Encode(s.Reason)}</p>" +
        $"{P}Cette personne ne peut ni accepter de conditions, ni déposer ou retirer de préavis, ni signer de mandat SEPA, ni commander " +
        "de licences, ni modifier vos mots de passe ou votre double authentification. Chacune de ses actions est enregistrée&nbsp;; " +
        "votre tableau de bord liste chaque accès sous «&nbsp;Accès du fournisseur&nbsp;».</p>");

    private static string Time(DateTimeOffset at, string culture) =>
        at.UtcDateTime.ToString(culture == "fr" ? "d MMMM yyyy 'à' HH:mm" : "d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo(culture));

    // Inline, as e-mail clients ignore style sheets.
    private const string P = "<p style=\"margin:0 0 12px\">";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
