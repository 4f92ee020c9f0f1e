using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

public class DocumentsInForceTests
{
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static DocumentVersion Version(DocumentType type, string label, DateTimeOffset published, DateTimeOffset effective, bool editorial = false) => new()
    {
        Type = type,
        Label = label,
        Content = $"{type} {label}",
        ContentSha256 = AcceptanceChain.Sha256($"{type} {label}"),
        ChangeSummary = "",
        PublishedAt = published,
        EffectiveAt = effective,
        IsEditorial = editorial,
    };

    private static readonly DocumentVersion Gtc2025 = Version(DocumentType.GeneralTermsAndConditions, "2025_01", At(2024, 12, 1), At(2025, 1, 1));
    private static readonly DocumentVersion Tos2025_01 = Version(DocumentType.TermsOfSaasService, "2025_01", At(2024, 12, 1), At(2025, 1, 1));
    private static readonly DocumentVersion Tos2025_09 = Version(DocumentType.TermsOfSaasService, "2025_09", At(2025, 8, 1), At(2025, 9, 1));
    private static readonly DocumentVersion Tos2025_11 = Version(DocumentType.TermsOfSaasService, "2025_11", At(2025, 10, 1), At(2025, 11, 1));
    private static readonly DocumentVersion Aup2025 = Version(DocumentType.AcceptableUsePolicy, "2025_01", At(2024, 12, 1), At(2025, 1, 1));
    private static readonly DocumentVersion OrderForm = Version(DocumentType.OrderForm, "OF-0001", At(2025, 1, 1), At(2025, 1, 1));

    /// <summary>Shuffled on purpose: neither the input order nor the publication order may decide the result.</summary>
    private static readonly DocumentVersion[] All = [Gtc2025, Tos2025_11, Aup2025, Tos2025_01, OrderForm, Tos2025_09];

    [Fact]
    public void On_15_October_2025_the_latest_effective_version_of_each_type_is_in_force_in_order_of_precedence()
    {
        var inForce = DocumentsInForce.At(All, At(2025, 10, 15));

        Assert.Equal([OrderForm, Tos2025_09, Aup2025, Gtc2025], inForce);
    }

    [Fact]
    public void Terms_published_1_October_effective_1_November_are_not_in_force_on_15_October_but_upcoming()
    {
        var now = At(2025, 10, 15);

        Assert.DoesNotContain(Tos2025_11, DocumentsInForce.At(All, now));
        Assert.Equal([Tos2025_11], DocumentsInForce.Upcoming(All, now));
    }

    [Fact]
    public void On_its_effective_instant_1_November_the_new_version_is_in_force_and_no_longer_upcoming()
    {
        var now = At(2025, 11, 1);

        Assert.Contains(Tos2025_11, DocumentsInForce.At(All, now));
        Assert.DoesNotContain(Tos2025_09, DocumentsInForce.At(All, now));
        Assert.Empty(DocumentsInForce.Upcoming(All, now));
    }

    [Fact]
    public void A_version_not_yet_published_is_neither_in_force_nor_upcoming()
    {
        var draft = Version(DocumentType.TechnicalPrerequisites, "2026_01", At(2025, 12, 1), At(2026, 1, 1));
        var now = At(2025, 10, 15);

        Assert.DoesNotContain(draft, DocumentsInForce.At([.. All, draft], now));
        Assert.DoesNotContain(draft, DocumentsInForce.Upcoming([.. All, draft], now));
    }

    [Fact]
    public void An_editorial_correction_published_but_not_yet_effective_is_not_upcoming()
    {
        var typoFix = Version(DocumentType.AcceptableUsePolicy, "2025_01b", At(2025, 10, 10), At(2025, 10, 20), editorial: true);

        Assert.Equal([Tos2025_11], DocumentsInForce.Upcoming([.. All, typoFix], At(2025, 10, 15)));
    }

    [Fact]
    public void Upcoming_amendments_are_listed_by_effective_date()
    {
        var aupAmendment = Version(DocumentType.AcceptableUsePolicy, "2025_10", At(2025, 9, 20), At(2025, 10, 20));
        var now = At(2025, 10, 15);

        Assert.Equal([aupAmendment, Tos2025_11], DocumentsInForce.Upcoming([.. All, aupAmendment], now));
    }

    [Fact]
    public void Of_two_versions_effective_on_the_same_day_the_later_published_one_is_in_force()
    {
        var correction = Version(DocumentType.GeneralTermsAndConditions, "2025_01b", At(2024, 12, 15), At(2025, 1, 1), editorial: true);

        var inForce = DocumentsInForce.At([correction, .. All], At(2025, 10, 15));

        Assert.Contains(correction, inForce);
        Assert.DoesNotContain(Gtc2025, inForce);
    }

    [Fact]
    public void Before_anything_takes_effect_nothing_is_in_force()
    {
        Assert.Empty(DocumentsInForce.At(All, At(2024, 12, 31)));
    }

    [Fact]
    public void Document_types_are_declared_in_order_of_precedence_of_SEO_1()
    {
        DocumentType[] precedence =
        [
            DocumentType.OrderForm, DocumentType.TermsOfSaasService, DocumentType.AcceptableUsePolicy, DocumentType.TechnicalPrerequisites,
            DocumentType.PersonalDataProtectionPolicy, DocumentType.GeneralTermsAndConditions, DocumentType.CommercialProposal,
        ];

        var everyType = precedence.Reverse().Select((t, i) => Version(t, $"v{i}", At(2025, 1, 1), At(2025, 1, 1))).ToList();

        Assert.Equal(precedence, DocumentsInForce.At(everyType, At(2025, 6, 1)).Select(v => v.Type));
    }
}
