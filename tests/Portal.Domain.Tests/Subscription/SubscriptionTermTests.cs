using System.Globalization;
using Portal.Domain.Subscription;

namespace Portal.Domain.Tests.Subscription;

public class SubscriptionTermTests
{
    /// <summary>An ISO date from an [InlineData] row, whatever the machine's culture.</summary>
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>The usual order form: 12 months, renewed by 12, notice 2 months before the end.</summary>
    private static readonly SubscriptionTerm FromNewYear2025 = new(D(2025, 1, 1), 12, 12, 2);

    [Fact]
    public void Initial_period_of_12_months_from_1_January_2025_ends_31_December_2025_with_notice_deadline_31_October()
    {
        var initial = FromNewYear2025.PeriodOn(D(2025, 1, 1));

        Assert.Equal(new ServicePeriod(0, D(2025, 1, 1), D(2025, 12, 31), D(2025, 10, 31)), initial);
        Assert.True(initial.IsInitial);
    }

    [Fact]
    public void Period_number_0_is_the_initial_period_and_1_the_first_extension()
    {
        Assert.Equal(new ServicePeriod(0, D(2025, 1, 1), D(2025, 12, 31), D(2025, 10, 31)), FromNewYear2025.Period(0));
        Assert.Equal(new ServicePeriod(1, D(2026, 1, 1), D(2026, 12, 31), D(2026, 10, 31)), FromNewYear2025.Period(1));
        Assert.False(FromNewYear2025.Period(1).IsInitial);
    }

    [Theory]
    [InlineData("2026-06-15", 1, "2026-01-01", "2026-12-31", "2026-10-31")]
    [InlineData("2027-03-01", 2, "2027-01-01", "2027-12-31", "2027-10-31")]
    [InlineData("2034-07-14", 9, "2034-01-01", "2034-12-31", "2034-10-31")]
    public void A_day_inside_an_extension_falls_in_that_Extended_Service_Period(string day, int number, string start, string end, string deadline)
    {
        var period = FromNewYear2025.PeriodOn(Day(day));

        Assert.Equal(new ServicePeriod(number, Day(start), Day(end), Day(deadline)), period);
    }

    [Theory]
    [InlineData("2025-12-31", 0)] // last day of the initial period belongs to it
    [InlineData("2026-01-01", 1)] // the next day starts extension 1
    [InlineData("2026-12-31", 1)]
    [InlineData("2027-01-01", 2)]
    public void The_last_day_of_a_period_belongs_to_it_and_the_next_day_starts_the_next(string day, int expectedNumber)
    {
        Assert.Equal(expectedNumber, FromNewYear2025.PeriodOn(Day(day)).Number);
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2020-06-01")]
    public void A_day_before_the_Effective_Date_gives_the_initial_period(string day)
    {
        Assert.Equal(FromNewYear2025.Period(0), FromNewYear2025.PeriodOn(Day(day)));
    }

    [Fact]
    public void Initial_period_of_36_months_renewed_by_12_months_from_1_January_2025_runs_to_31_December_2027_then_yearly()
    {
        var term = new SubscriptionTerm(D(2025, 1, 1), 36, 12, 2);

        Assert.Equal(new ServicePeriod(0, D(2025, 1, 1), D(2027, 12, 31), D(2027, 10, 31)), term.PeriodOn(D(2027, 12, 31)));
        Assert.Equal(new ServicePeriod(1, D(2028, 1, 1), D(2028, 12, 31), D(2028, 10, 31)), term.PeriodOn(D(2028, 1, 1)));
        Assert.Equal(new ServicePeriod(2, D(2029, 1, 1), D(2029, 12, 31), D(2029, 10, 31)), term.PeriodOn(D(2029, 1, 1)));
    }

    [Fact]
    public void Term_from_31_January_2025_of_12_months_runs_to_30_January_2026_and_notice_is_due_by_30_November_2025()
    {
        var term = new SubscriptionTerm(D(2025, 1, 31), 12, 12, 2);

        // Renewal starts on 31 January 2026; "two months before" 31 January would be 31 November,
        // which does not exist: it becomes 1 December, so the last day to file is 30 November.
        Assert.Equal(new ServicePeriod(0, D(2025, 1, 31), D(2026, 1, 30), D(2025, 11, 30)), term.PeriodOn(D(2025, 6, 1)));
        Assert.Equal(new ServicePeriod(1, D(2026, 1, 31), D(2027, 1, 30), D(2026, 11, 30)), term.PeriodOn(D(2026, 1, 31)));
    }

    [Theory]
    // Monthly periods from 31 January 2025: a month without a 31st starts the next period on the 1st of
    // the following month, and the 31st comes back as soon as the month has one (no drift).
    [InlineData(0, "2025-01-31", "2025-02-28")] // covers the whole of February
    [InlineData(1, "2025-03-01", "2025-03-30")]
    [InlineData(2, "2025-03-31", "2025-04-30")]
    [InlineData(3, "2025-05-01", "2025-05-30")]
    [InlineData(4, "2025-05-31", "2025-06-30")]
    [InlineData(11, "2025-12-31", "2026-01-30")]
    [InlineData(12, "2026-01-31", "2026-02-28")]
    public void Monthly_term_from_31_January_2025_never_drifts_from_the_31st(int number, string start, string end)
    {
        var term = new SubscriptionTerm(D(2025, 1, 31), 1, 1, 0);

        var period = term.Period(number);

        Assert.Equal((Day(start), Day(end)), (period.Start, period.End));
    }

    [Fact]
    public void Term_from_29_February_2024_ends_28_February_2025_and_the_next_period_starts_1_March_2025()
    {
        var term = new SubscriptionTerm(D(2024, 2, 29), 12, 12, 2);

        Assert.Equal(new ServicePeriod(0, D(2024, 2, 29), D(2025, 2, 28), D(2024, 12, 31)), term.PeriodOn(D(2025, 2, 28)));
        Assert.Equal(new ServicePeriod(1, D(2025, 3, 1), D(2026, 2, 28), D(2025, 12, 31)), term.PeriodOn(D(2025, 3, 1)));
    }

    [Fact]
    public void Term_from_29_February_2024_comes_back_to_29_February_in_the_next_leap_year()
    {
        var term = new SubscriptionTerm(D(2024, 2, 29), 12, 12, 2);

        Assert.Equal((D(2027, 3, 1), D(2028, 2, 28)), (term.Period(3).Start, term.Period(3).End));
        Assert.Equal(D(2028, 2, 29), term.Period(4).Start);
        Assert.Equal(4, term.PeriodOn(D(2028, 2, 29)).Number);
    }

    [Fact]
    public void Monthly_term_from_30_January_2025_covers_February_then_starts_on_1_March_and_returns_to_the_30th()
    {
        var term = new SubscriptionTerm(D(2025, 1, 30), 1, 1, 0);

        Assert.Equal((D(2025, 1, 30), D(2025, 2, 28)), (term.Period(0).Start, term.Period(0).End));
        Assert.Equal((D(2025, 3, 1), D(2025, 3, 29)), (term.Period(1).Start, term.Period(1).End));
        Assert.Equal((D(2025, 3, 30), D(2025, 4, 29)), (term.Period(2).Start, term.Period(2).End));
    }

    [Fact]
    public void Monthly_term_from_30_January_2024_ends_its_first_period_on_leap_day_29_February()
    {
        var term = new SubscriptionTerm(D(2024, 1, 30), 1, 1, 0);

        Assert.Equal((D(2024, 1, 30), D(2024, 2, 29)), (term.Period(0).Start, term.Period(0).End));
        Assert.Equal(D(2024, 3, 1), term.Period(1).Start);
    }

    [Fact]
    public void Term_from_30_April_2025_renews_on_30_April_2026_and_notice_is_due_by_28_February_2026()
    {
        var term = new SubscriptionTerm(D(2025, 4, 30), 12, 12, 2);

        // Two months before 30 April is "30 February": it becomes 1 March, so the last day is 28 February.
        Assert.Equal(new ServicePeriod(0, D(2025, 4, 30), D(2026, 4, 29), D(2026, 2, 28)), term.Period(0));
    }

    [Theory]
    [InlineData(0, "2025-12-31")]
    [InlineData(1, "2025-11-30")]
    [InlineData(2, "2025-10-31")]
    [InlineData(3, "2025-09-30")]
    [InlineData(6, "2025-06-30")]
    public void Notice_of_N_months_on_a_term_from_1_January_2025_is_due_by_the_last_day_before_N_months_ahead_of_renewal(int noticeMonths, string deadline)
    {
        var term = new SubscriptionTerm(D(2025, 1, 1), 12, 12, noticeMonths);

        Assert.Equal(Day(deadline), term.Period(0).NoticeDeadline);
    }

    [Fact]
    public void Notice_of_1_month_on_a_term_renewing_31_March_is_due_by_28_February()
    {
        var term = new SubscriptionTerm(D(2025, 3, 31), 12, 12, 1);

        Assert.Equal(D(2026, 2, 28), term.Period(0).NoticeDeadline);
    }

    [Theory]
    [InlineData("2025-09-21", 40)]
    [InlineData("2025-10-30", 1)]
    [InlineData("2025-10-31", 0)] // the deadline day itself: still on time
    [InlineData("2025-11-01", -1)]
    [InlineData("2025-12-31", -61)]
    public void Days_to_the_31_October_2025_notice_deadline(string today, int expected)
    {
        var initial = FromNewYear2025.Period(0);

        Assert.Equal(expected, initial.DaysToNoticeDeadline(Day(today)));
    }

    [Theory]
    [InlineData(0, 12, 2)]
    [InlineData(12, 0, 2)]
    [InlineData(12, 12, -1)]
    public void A_term_with_a_period_of_no_months_or_a_negative_notice_is_refused(int initial, int extension, int notice)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubscriptionTerm(new DateOnly(2025, 1, 1), initial, extension, notice));
    }
}
