using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §10.2: the first monthly (quarterly) invoice, and a yearly price over part of a contract year, in days.</summary>
public class ProRataTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData("2025-01-31", "2025-02-28")] // the 31st: January's last day, then February
    [InlineData("2025-01-01", "2025-02-28")] // the 1st: two full months
    [InlineData("2024-01-31", "2024-02-29")] // leap year
    [InlineData("2025-12-15", "2026-01-31")] // over the new year
    public void Monthly_first_invoice_runs_to_the_last_day_of_the_following_month(string effective, string end)
    {
        Assert.Equal(Day(end), ProRata.FirstPeriodEnd(Day(effective), BillingFrequency.Monthly));
    }

    [Theory]
    [InlineData("2025-02-15", "2025-06-30")] // rest of Q1, then Q2
    [InlineData("2025-10-01", "2026-03-31")] // the whole of Q4, then Q1 of the next year
    [InlineData("2025-03-31", "2025-06-30")] // last day of Q1, then Q2
    [InlineData("2025-12-31", "2026-03-31")]
    public void Quarterly_first_invoice_runs_to_the_last_day_of_the_following_calendar_quarter(string effective, string end)
    {
        Assert.Equal(Day(end), ProRata.FirstPeriodEnd(Day(effective), BillingFrequency.Quarterly));
    }

    [Theory]
    [InlineData("2025-01-31", "103.23")] // 1/31 of January (3.2258) + February
    [InlineData("2025-01-01", "200.00")] // 31/31 of January + February: two full months
    [InlineData("2025-01-16", "151.61")] // 16/31 + 1
    [InlineData("2024-02-15", "151.72")] // leap February: 15/29 + March
    [InlineData("2025-02-15", "150.00")] // 14/28 + March
    [InlineData("2024-02-29", "103.45")] // leap day alone: 1/29 + March
    [InlineData("2025-04-30", "103.33")] // 1/30 + May
    public void Monthly_first_invoice_at_100_a_month(string effective, string amount)
    {
        var effectiveDate = Day(effective);

        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), ProRata.ForCalendarPeriods(100m, BillingFrequency.Monthly,
            effectiveDate, ProRata.FirstPeriodEnd(effectiveDate, BillingFrequency.Monthly)));
    }

    [Theory]
    [InlineData("2025-02-15", "450.00")] // 45 of Q1's 90 days = 150, + Q2 300; covers to 30 June
    [InlineData("2024-02-15", "451.65")] // leap Q1: 46/91 = 151.65, + 300
    [InlineData("2025-10-01", "600.00")] // the whole of Q4 + Q1: two full quarters
    [InlineData("2025-12-31", "303.26")] // 1/92 of Q4 + Q1
    public void Quarterly_first_invoice_at_300_a_quarter(string effective, string amount)
    {
        var effectiveDate = Day(effective);

        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), ProRata.ForCalendarPeriods(300m, BillingFrequency.Quarterly,
            effectiveDate, ProRata.FirstPeriodEnd(effectiveDate, BillingFrequency.Quarterly)));
    }

    [Fact]
    public void Three_full_calendar_months_at_100_cost_300_and_1_to_30_January_costs_30_31_of_a_month_96_77()
    {
        Assert.Equal(300m, ProRata.ForCalendarPeriods(100m, BillingFrequency.Monthly, D(2025, 1, 1), D(2025, 3, 31)));
        Assert.Equal(96.77m, ProRata.ForCalendarPeriods(100m, BillingFrequency.Monthly, D(2026, 1, 1), D(2026, 1, 30)));
    }

    [Fact]
    public void Calendar_periods_do_not_apply_to_annual_billing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProRata.FirstPeriodEnd(D(2025, 1, 1), BillingFrequency.Annual));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-07-01", "2025-12-31", "604.93")] // 184 days / 365
    [InlineData("2023-01-01", "2023-02-01", "2023-03-31", "193.97")] // 59 days / 365
    [InlineData("2024-01-01", "2024-02-01", "2024-03-31", "196.72")] // 60 days / 366: the contract year holds 29 February
    [InlineData("2025-01-01", "2025-01-01", "2025-12-31", "1200.00")] // a whole year: 365 / 365
    [InlineData("2024-01-01", "2024-01-01", "2024-12-31", "1200.00")] // a whole leap year: 366 / 366
    [InlineData("2024-02-29", "2024-02-29", "2025-02-28", "1200.00")] // a year from leap day: 366 / 366
    [InlineData("2025-01-01", "2025-01-01", "2026-12-31", "2400.00")] // two years, cut at the anniversary
    [InlineData("2025-01-01", "2025-07-01", "2026-12-31", "1804.93")] // 184 days / 365, then a year
    [InlineData("2025-01-01", "2025-03-10", "2025-03-09", "0.00")] // an empty span costs nothing
    public void Extra_seats_at_1200_a_year_cost_the_days_left_over_the_days_of_the_contract_year(string yearsFrom, string from, string to, string amount)
    {
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), ProRata.ForDays(1200m, Day(yearsFrom), Day(from), Day(to)));
    }

    [Fact]
    public void One_day_at_365_a_year_costs_1_00_and_leap_day_at_366_a_year_costs_1_00()
    {
        Assert.Equal(1m, ProRata.ForDays(365m, D(2025, 1, 1), D(2025, 3, 10), D(2025, 3, 10)));
        Assert.Equal(1m, ProRata.ForDays(366m, D(2024, 1, 1), D(2024, 2, 29), D(2024, 2, 29)));
    }

    [Fact]
    public void Period_1_June_2027_to_31_May_2028_of_366_days_at_3650_splits_into_2134_15_and_1515_85_which_add_up()
    {
        // DOMAIN "Amounts": divided by the days of the real period (366, it holds 29 February 2028), not of each part's own year.
        var june2027 = D(2027, 6, 1);
        var first = ProRata.ForDays(3_650m, june2027, june2027, D(2027, 12, 31));  // 214 / 366
        var second = ProRata.ForDays(3_650m, june2027, D(2028, 1, 1), D(2028, 5, 31)); // 152 / 366

        Assert.Equal((2_134.15m, 1_515.85m), (first, second));
        Assert.Equal(3_650m, first + second);
    }
}
