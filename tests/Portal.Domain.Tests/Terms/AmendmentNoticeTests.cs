using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

/// <summary>SEO §20.1: a new version takes effect one month after notice, except where there is nothing to wait for.</summary>
public class AmendmentNoticeTests
{
    private static readonly DateTimeOffset Published = new(2026, 11, 13, 14, 5, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_version_of_a_type_takes_effect_at_once()
    {
        Assert.Equal(Published, AmendmentNotice.EffectiveAt(Published, isFirstOfItsType: true, isEditorial: false, isLegalComplianceChange: false));
    }

    [Fact]
    public void An_editorial_correction_takes_effect_at_once()
    {
        Assert.Equal(Published, AmendmentNotice.EffectiveAt(Published, isFirstOfItsType: false, isEditorial: true, isLegalComplianceChange: false));
    }

    [Fact]
    public void A_legal_compliance_change_takes_effect_at_once()
    {
        Assert.Equal(Published, AmendmentNotice.EffectiveAt(Published, isFirstOfItsType: false, isEditorial: false, isLegalComplianceChange: true));
    }

    [Fact]
    public void An_amendment_published_13_November_at_14_05_takes_effect_13_December_at_14_05()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 13, 14, 5, 0, TimeSpan.Zero),
            AmendmentNotice.EffectiveAt(Published, isFirstOfItsType: false, isEditorial: false, isLegalComplianceChange: false));
    }

    [Theory]
    [InlineData(2026, 28)] // not a leap year
    [InlineData(2028, 29)] // leap year
    public void An_amendment_published_31_January_takes_effect_on_the_last_day_of_February(int year, int lastDayOfFebruary)
    {
        var published = new DateTimeOffset(year, 1, 31, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(year, 2, lastDayOfFebruary, 9, 0, 0, TimeSpan.Zero),
            AmendmentNotice.EffectiveAt(published, isFirstOfItsType: false, isEditorial: false, isLegalComplianceChange: false));
    }

    [Fact]
    public void An_amendment_published_31_December_takes_effect_31_January_of_the_next_year()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero),
            AmendmentNotice.EffectiveAt(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), false, false, false));
    }

    [Fact]
    public void A_longer_notice_from_the_contract_is_honoured()
    {
        Assert.Equal(Published.AddMonths(3),
            AmendmentNotice.EffectiveAt(Published, isFirstOfItsType: false, isEditorial: false, isLegalComplianceChange: false, noticeMonths: 3));
    }

    [Fact]
    public void The_default_notice_is_one_month()
    {
        Assert.Equal(1, AmendmentNotice.DefaultNoticeMonths);
    }
}
