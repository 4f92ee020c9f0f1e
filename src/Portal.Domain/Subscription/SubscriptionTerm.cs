namespace Portal.Domain.Subscription;

/// <summary>
/// SEO §3: an Initial Service Period from the Effective Date, then automatic Extended Service
/// Periods, until a non-renewal notice arrives by the notice deadline.
/// </summary>
public sealed record SubscriptionTerm(DateOnly EffectiveDate, int InitialMonths, int ExtensionMonths, int NoticeMonths)
{
    public int InitialMonths { get; } = InitialMonths > 0 ? InitialMonths
        : throw new ArgumentOutOfRangeException(nameof(InitialMonths), InitialMonths, "A service period lasts at least one month.");
    public int ExtensionMonths { get; } = ExtensionMonths > 0 ? ExtensionMonths
        : throw new ArgumentOutOfRangeException(nameof(ExtensionMonths), ExtensionMonths, "A service period lasts at least one month.");
    public int NoticeMonths { get; } = NoticeMonths >= 0 ? NoticeMonths
        : throw new ArgumentOutOfRangeException(nameof(NoticeMonths), NoticeMonths, "A notice period cannot be negative.");

    /// <summary>The period that contains <paramref name="day"/>; before the Effective Date, the initial one.</summary>
    public ServicePeriod PeriodOn(DateOnly day)
    {
        var period = Period(0);
        while (day > period.End)
            period = Period(period.Number + 1);
        return period;
    }

    /// <summary>Period 0 is the Initial Service Period, n the n-th Extended Service Period.</summary>
    public ServicePeriod Period(int number)
    {
        var startMonths = number == 0 ? 0 : InitialMonths + (number - 1) * ExtensionMonths;
        var endMonths = InitialMonths + number * ExtensionMonths;
        var start = Anniversary(startMonths);
        var end = Anniversary(endMonths).AddDays(-1);
        return new ServicePeriod(number, start, end, NoticeDeadline(end));
    }

    /// <summary>
    /// Months are counted from the Effective Date, never chained, so a period never drifts. When the
    /// Effective Date's day does not exist in the target month (29th–31st), the period starts on the
    /// 1st of the next month: a term from 31 January covers the whole of February.
    /// </summary>
    private DateOnly Anniversary(int monthsAfterEffective)
    {
        var target = EffectiveDate.AddMonths(monthsAfterEffective);
        return target.Day == EffectiveDate.Day ? target : target.AddDays(1);
    }

    /// <summary>
    /// SEO §3: the notice must arrive "not later than two (2) months before the end" of the period: the last day of arrival
    /// from which two months (C. civ. art. 641, as for every notice here) still run out by the period's last day.
    /// </summary>
    // Choice (open point of issue #16): for a period ending 28 February the deadline is 31 December, not 28 December.
    // A notice received 31 December gives its two months by 28 February (art. 641 al. 2: a month without the day number
    // ends on its last day), so it is on time; counting back "28 February − 2 months" would take three days from the
    // Client that no clause asks for, and an adhesion contract is read against the party that drafted it (C. civ. art. 1190).
    private DateOnly NoticeDeadline(DateOnly periodEnd) => Duration.Months(NoticeMonths).LatestStartEndingBy(periodEnd);
}

/// <param name="Number">0 for the Initial Service Period, n for the n-th Extended Service Period.</param>
/// <param name="End">The last day of service in the period, inclusive.</param>
/// <param name="NoticeDeadline">The last day a non-renewal notice may arrive to end the contract at <paramref name="End"/>.</param>
public sealed record ServicePeriod(int Number, DateOnly Start, DateOnly End, DateOnly NoticeDeadline)
{
    public bool IsInitial => Number == 0;

    public int DaysToNoticeDeadline(DateOnly today) => NoticeDeadline.DayNumber - today.DayNumber;
}
