namespace Portal.Domain.Subscription;

public enum DurationUnit { Days, Months }

/// <summary>
/// A contractual time limit with its unit: SEO counts notices in months ("three (3) months after receipt"), IAM in days
/// ("thirty (30) days after sending", IAM §10.2). Computed as French law computes a time limit (C. civ. art. 641, 642, as
/// the courts apply them to contractual limits): the day of the event that starts it does not count, a limit in months
/// runs "de date à date" to the same day number, or to the month's last day when that month has none, and it expires
/// at midnight at the end of that day.
/// </summary>
public readonly record struct Duration
{
    public Duration(int count, DurationUnit unit)
    {
        Count = count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "A time limit cannot be negative.");
        Unit = unit;
    }

    public int Count { get; }
    public DurationUnit Unit { get; }

    public static Duration Days(int count) => new(count, DurationUnit.Days);

    public static Duration Months(int count) => new(count, DurationUnit.Months);

    /// <summary>
    /// The last day of the time limit started by an event on <paramref name="eventDay"/> (art. 641: that day is not counted;
    /// art. 642: the limit expires at the end of the day returned). 3 months from 15 January → 15 April; from 30 November →
    /// 28 (29) February; 30 days from 15 January → 14 February.
    /// </summary>
    public DateOnly LastDayFrom(DateOnly eventDay) =>
        // DateOnly.AddMonths keeps the day number and falls back to the month's last day: art. 641 al. 2 word for word.
        Unit == DurationUnit.Days ? eventDay.AddDays(Count) : eventDay.AddMonths(Count);

    /// <summary>
    /// The latest event day whose time limit still runs out by the end of <paramref name="lastDay"/>: for "notice no later
    /// than 2 months before the end of a period ending 28 February", 31 December (31 December + 2 months = 28 February).
    /// </summary>
    public DateOnly LatestStartEndingBy(DateOnly lastDay)
    {
        // Counting back gives a lower bound (28 February − 2 months = 28 December); the days after it whose limit still ends
        // by lastDay also qualify, because a month without the day number ends the limit on its last day (art. 641 al. 2).
        var start = Unit == DurationUnit.Days ? lastDay.AddDays(-Count) : lastDay.AddMonths(-Count);
        while (LastDayFrom(start.AddDays(1)) <= lastDay) start = start.AddDays(1);
        return start;
    }

    public override string ToString() => $"{Count} {Unit.ToString().ToLowerInvariant()}";
}
