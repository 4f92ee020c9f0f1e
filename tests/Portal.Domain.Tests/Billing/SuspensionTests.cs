using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §11.1.2: when access may be suspended for a missing SEPA mandate.</summary>
public class SuspensionTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly DateOnly EffectiveNewYear2025 = new(2025, 1, 1);

    [Theory]
    [InlineData("2025-01-01", false)]
    [InlineData("2025-01-10", false)] // nine days after: still in grace
    [InlineData("2025-01-11", true)] // ten days after the Effective Date
    [InlineData("2025-06-01", true)]
    public void Monthly_billing_from_1_January_2025_without_a_mandate(string today, bool allowed)
    {
        Assert.Equal(allowed, Suspension.AllowedForMissingMandate(EffectiveNewYear2025, BillingFrequency.Monthly, null, Day(today)));
    }

    [Fact]
    public void A_mandate_signed_5_January_within_the_grace_days_never_allows_suspension()
    {
        Assert.False(Suspension.AllowedForMissingMandate(EffectiveNewYear2025, BillingFrequency.Monthly, Day("2025-01-05"), Day("2025-02-01")));
    }

    [Theory]
    [InlineData("2025-01-19", true)]
    [InlineData("2025-01-20", false)] // signed that day: access comes back
    [InlineData("2025-02-01", false)]
    public void A_mandate_signed_late_on_20_January_ends_the_suspension(string today, bool allowed)
    {
        Assert.Equal(allowed, Suspension.AllowedForMissingMandate(EffectiveNewYear2025, BillingFrequency.Monthly, Day("2025-01-20"), Day(today)));
    }

    [Theory]
    [InlineData(BillingFrequency.Annual)]
    [InlineData(BillingFrequency.Quarterly)]
    public void Without_monthly_billing_a_missing_mandate_never_allows_suspension(BillingFrequency frequency)
    {
        Assert.False(Suspension.AllowedForMissingMandate(EffectiveNewYear2025, frequency, null, Day("2025-06-01")));
    }

    [Fact]
    public void The_mandate_grace_is_10_days()
    {
        Assert.Equal(10, Suspension.MandateGraceDays);
    }
}
