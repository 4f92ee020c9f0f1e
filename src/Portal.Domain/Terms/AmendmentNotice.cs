namespace Portal.Domain.Terms;

/// <summary>SEO §20.1: when a newly published version takes effect.</summary>
public static class AmendmentNotice
{
    /// <summary>The contract's default notice: a new version takes effect one month after it is notified.</summary>
    public const int DefaultNoticeMonths = 1;

    /// <summary>
    /// An amendment takes effect after the notice month. A legal-compliance change takes effect at once,
    /// so does an editorial correction (no change of meaning), and so does the first version of a
    /// document type (there is nothing to amend: Clients accept it before use).
    /// </summary>
    public static DateTimeOffset EffectiveAt(DateTimeOffset publishedAt, bool isFirstOfItsType, bool isEditorial,
        bool isLegalComplianceChange, int noticeMonths = DefaultNoticeMonths) =>
        isFirstOfItsType || isEditorial || isLegalComplianceChange ? publishedAt : publishedAt.AddMonths(noticeMonths);
}
