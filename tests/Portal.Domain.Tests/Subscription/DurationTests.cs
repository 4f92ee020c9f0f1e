using System.Globalization;
using Portal.Domain.Subscription;

namespace Portal.Domain.Tests.Subscription;

/// <summary>Contractual time limits computed as C. civ. art. 641/642 compute them, in months (SEO) or days (IAM).</summary>
public class DurationTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-15", 3, "Months", "2026-04-15")] // same day number
    [InlineData("2025-11-30", 3, "Months", "2026-02-28")] // no 30 February: the month's last day
    [InlineData("2027-11-30", 3, "Months", "2028-02-29")]
    [InlineData("2025-01-31", 1, "Months", "2025-02-28")]
    [InlineData("2026-01-15", 30, "Days", "2026-02-14")] // the 16th is day 1
    [InlineData("2026-02-20", 10, "Days", "2026-03-02")]
    [InlineData("2026-01-15", 0, "Days", "2026-01-15")]
    public void The_last_day_of_a_limit_started_on_a_day(string from, int count, string unit, string lastDay)
    {
        Assert.Equal(Day(lastDay), new Duration(count, Enum.Parse<DurationUnit>(unit)).LastDayFrom(Day(from)));
    }

    [Theory]
    [InlineData("2026-02-28", 2, "Months", "2025-12-31")] // 31 December + 2 months = 28 February
    [InlineData("2026-12-31", 2, "Months", "2026-10-31")]
    [InlineData("2026-01-30", 2, "Months", "2025-11-30")] // 1 December + 2 months = 1 February: too late
    [InlineData("2026-04-30", 2, "Months", "2026-02-28")]
    [InlineData("2028-04-30", 2, "Months", "2028-02-29")]
    [InlineData("2026-03-31", 30, "Days", "2026-03-01")]
    [InlineData("2026-03-31", 0, "Months", "2026-03-31")]
    public void The_latest_start_whose_limit_still_ends_by_a_day(string lastDay, int count, string unit, string latest)
    {
        var duration = new Duration(count, Enum.Parse<DurationUnit>(unit));

        var start = duration.LatestStartEndingBy(Day(lastDay));

        Assert.Equal(Day(latest), start);
        Assert.True(duration.LastDayFrom(start) <= Day(lastDay));
        Assert.True(duration.LastDayFrom(start.AddDays(1)) > Day(lastDay));
    }

    [Fact]
    public void A_negative_limit_is_a_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Duration.Days(-1));
    }
}
