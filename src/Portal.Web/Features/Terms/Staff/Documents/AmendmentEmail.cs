using System.Globalization;
using System.Net;
using Portal.Domain.Terms;

namespace Portal.Web.Features.Terms.Staff.Documents;

/// <summary>
/// DOMAIN "Amendments": the e-mail that notifies a Client's administrators of a new version (SEO §20.1),
/// in the Client's language. Written here in both languages rather than in the resx: it is sent from
/// the publisher's request, whose language is not the Client's.
/// </summary>
public sealed record AmendmentEmail(string Subject, string HtmlBody)
{
    public static string ReasonFor(DocumentVersion version) => $"Amendment:{version.Id}";

    public static AmendmentEmail For(DocumentVersion version, string culture, string? recipientName) =>
        culture == "fr" ? French(version, recipientName) : English(version, recipientName);

    private static AmendmentEmail English(DocumentVersion v, string? name)
    {
        var doc = Encode(EnglishName(v.Type));
        var body = $"{P}Hello{(name is null ? "" : " " + Encode(name))},</p>" +
            $"{P}We have published version <strong>{Encode(v.Label)}</strong> of the {doc}.</p>" +
            $"{P}What changes: {Encode(v.ChangeSummary)}</p>" +
            (v.IsLegalComplianceChange
                ? $"{P}This change is required by law or regulation: it takes effect at once, on {Date(v.EffectiveAt, "en")}.</p>"
                : $"{P}It takes effect on {Date(v.EffectiveAt, "en")}. If you do not accept it, you may end the contract before that date; " +
                  "otherwise it is deemed accepted on that date (clause 20.1 of the general terms).</p>") +
            (v.MateriallyReducesService
                ? $"{P}This version materially reduces availability, backups or access to support. You may therefore terminate the contract " +
                  $"because of it until {Date(TerminationRightEnds(v), "en")}, by registered letter citing this amendment; the termination then " +
                  "takes effect three months after your notice.</p>"
                : "") +
            $"{P}You can read the new version in the portal.</p>";
        return new($"New version {v.Label} of the {EnglishName(v.Type)}", body);
    }

    private static AmendmentEmail French(DocumentVersion v, string? name)
    {
        var doc = Encode(FrenchName(v.Type));
        var body = $"{P}Bonjour{(name is null ? "" : " " + Encode(name))},</p>" +
            $"{P}Nous avons publié la version <strong>{Encode(v.Label)}</strong> du document «&nbsp;{doc}&nbsp;».</p>" +
            $"{P}Ce qui change&nbsp;: {Encode(v.ChangeSummary)}</p>" +
            (v.IsLegalComplianceChange
                ? $"{P}Cette modification est imposée par la loi ou la réglementation&nbsp;: elle prend effet immédiatement, le {Date(v.EffectiveAt, "fr")}.</p>"
                : $"{P}Elle prend effet le {Date(v.EffectiveAt, "fr")}. Si vous ne l'acceptez pas, vous pouvez mettre fin au contrat avant cette date&nbsp;; " +
                  "à défaut, elle est réputée acceptée à cette date (article 20.1 des conditions générales).</p>") +
            (v.MateriallyReducesService
                ? $"{P}Cette version réduit de façon significative la disponibilité, les sauvegardes ou l'accès au support. Vous pouvez donc résilier " +
                  $"le contrat pour ce motif jusqu'au {Date(TerminationRightEnds(v), "fr")}, par lettre recommandée citant cette modification&nbsp;; " +
                  "la résiliation prend alors effet trois mois après votre notification.</p>"
                : "") +
            $"{P}Vous pouvez lire la nouvelle version dans le portail.</p>";
        return new($"Nouvelle version {v.Label}\u00A0: {FrenchName(v.Type)}", body);
    }

    // SEO §14.3: the Client may terminate within one month of the notice.
    private static DateTimeOffset TerminationRightEnds(DocumentVersion v) => v.PublishedAt.AddMonths(AmendmentNotice.DefaultNoticeMonths);

    private static string Date(DateTimeOffset at, string culture) =>
        at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(culture));

    // Inline, as e-mail clients ignore style sheets.
    private const string P = "<p style=\"margin:0 0 12px\">";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string EnglishName(DocumentType type) => Shared.DisplayNames.Of(type);

    private static string FrenchName(DocumentType type) => type switch
    {
        DocumentType.OrderForm => "Bon de commande",
        DocumentType.TermsOfSaasService => "Conditions du service SaaS",
        DocumentType.AcceptableUsePolicy => "Politique d'utilisation acceptable",
        DocumentType.TechnicalPrerequisites => "Prérequis techniques",
        DocumentType.PersonalDataProtectionPolicy => "Politique de protection des données personnelles",
        DocumentType.GeneralTermsAndConditions => "Conditions générales",
        DocumentType.CommercialProposal => "Proposition commerciale",
        _ => type.ToString(),
    };
}
