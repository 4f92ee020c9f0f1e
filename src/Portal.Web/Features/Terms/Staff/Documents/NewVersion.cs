using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Portal.Domain.Terms;

namespace Portal.Web.Features.Terms.Staff.Documents;

/// <summary>
/// What a ProviderAdmin fills in to publish a document version. There is no edit: once published a
/// version is evidence (acceptance records point at its hash), so a correction is a new version.
/// </summary>
public sealed partial class NewVersion
{
    public const int LabelMaxLength = 40;
    public const int SummaryMaxLength = 500;

    public DocumentType Type { get; set; } = DocumentType.GeneralTermsAndConditions;

    /// <summary>As in the document's header, e.g. 2026_11.</summary>
    public string Label { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Content { get; set; } = "";
    public string ChangeSummary { get; set; } = "";
    public bool IsEditorial { get; set; }
    public bool IsLegalComplianceChange { get; set; }
    public bool MateriallyReducesService { get; set; }

    public string TrimmedLabel => Label.Trim();

    /// <summary>The first mistake the author can fix in the form, or null. Duplicate labels are checked against the database.</summary>
    public string? Problem(IStringLocalizer<UserText> T)
    {
        if (string.IsNullOrWhiteSpace(Label)) return T["Enter a version label, e.g. 2026_11."];
        if (TrimmedLabel.Length > LabelMaxLength || !LabelFormat().IsMatch(TrimmedLabel))
            return T["A version label has at most {0} characters: letters, digits, _, - and . only.", LabelMaxLength];
        if (string.IsNullOrWhiteSpace(Content)) return T["The document has no content: write or paste its text."];
        if (string.IsNullOrWhiteSpace(ChangeSummary)) return T["Summarise what changes: Clients read this summary in the notice."];
        if (ChangeSummary.Trim().Length > SummaryMaxLength) return T["Keep the change summary under {0} characters.", SummaryMaxLength];
        // An editorial correction changes no meaning, so it cannot also be a change of substance.
        if (IsEditorial && (IsLegalComplianceChange || MateriallyReducesService))
            return T["An editorial correction changes no meaning: it cannot also be a legal-compliance change or reduce the service."];
        return null;
    }

    /// <summary>The version as it will be stored: content hashed as accepted (SHA-256 of the UTF-8 text).</summary>
    public DocumentVersion ToVersion(DateTimeOffset publishedAt, DateTimeOffset effectiveAt) => new()
    {
        Type = Type, Label = TrimmedLabel, Content = Content, ContentSha256 = AcceptanceChain.Sha256(Content),
        ChangeSummary = ChangeSummary.Trim(), PublishedAt = publishedAt, EffectiveAt = effectiveAt,
        IsEditorial = IsEditorial, IsLegalComplianceChange = IsLegalComplianceChange, MateriallyReducesService = MateriallyReducesService,
    };

    /// <summary>A label for a version published in the given month: 2026_11, then 2026_11_2 if that one is taken.</summary>
    public static string SuggestLabel(DateTimeOffset now, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var month = now.ToString("yyyy_MM", System.Globalization.CultureInfo.InvariantCulture);
        var label = month;
        for (var n = 2; used.Contains(label); n++) label = $"{month}_{n}";
        return label;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex LabelFormat();
}
