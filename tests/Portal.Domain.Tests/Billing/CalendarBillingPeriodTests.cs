using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §10.2: monthly and quarterly invoices follow calendar months and quarters.</summary>
public class CalendarBillingPeriodTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-02-15", BillingFrequency.Monthly, "2025-02-01", "2025-02-28")]
    [InlineData("2024-02-15", BillingFrequency.Monthly, "2024-02-01", "2024-02-29")]
    [InlineData("2025-12-31", BillingFrequency.Monthly, "2025-12-01", "2025-12-31")]
    [InlineData("2025-01-01", BillingFrequency.Quarterly, "2025-01-01", "2025-03-31")]
    [InlineData("2025-05-20", BillingFrequency.Quarterly, "2025-04-01", "2025-06-30")]
    [InlineData("2025-09-30", BillingFrequency.Quarterly, "2025-07-01", "2025-09-30")]
    [InlineData("2025-11-11", BillingFrequency.Quarterly, "2025-10-01", "2025-12-31")]
    public void The_calendar_period_that_holds_a_day(string day, BillingFrequency frequency, string start, string end)
    {
        Assert.Equal((Day(start), Day(end)),
            (CalendarBillingPeriod.Start(Day(day), frequency), CalendarBillingPeriod.End(Day(day), frequency)));
    }

    [Theory]
    [InlineData(BillingFrequency.Annual, 12)]
    [InlineData(BillingFrequency.Quarterly, 3)]
    [InlineData(BillingFrequency.Monthly, 1)]
    public void Months_in_a_billing_period(BillingFrequency frequency, int months)
    {
        Assert.Equal(months, CalendarBillingPeriod.MonthsIn(frequency));
    }

    [Fact]
    public void Annual_billing_has_no_calendar_period()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarBillingPeriod.Start(new DateOnly(2025, 1, 1), BillingFrequency.Annual));
    }

    [Fact]
    public void Days_including_both_ends_1_to_31_January_is_31()
    {
        Assert.Equal(31, CalendarBillingPeriod.DaysIncluding(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)));
    }
}
