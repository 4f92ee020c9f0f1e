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
        var nextStart = Anniversary(endMonths);
        return new ServicePeriod(number, start, nextStart.AddDays(-1), NoticeDeadline(nextStart));
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
    /// SEO §3: "no later than two months before the end of the period". The period ends when the next
    /// one starts, so the last day to file is the day before (next start − notice months).
    /// </summary>
    private DateOnly NoticeDeadline(DateOnly nextPeriodStart)
    {
        var cutoff = nextPeriodStart.AddMonths(-NoticeMonths);
        if (cutoff.Day != nextPeriodStart.Day) cutoff = cutoff.AddDays(1);
        return cutoff.AddDays(-1);
    }
}

/// <param name="Number">0 for the Initial Service Period, n for the n-th Extended Service Period.</param>
/// <param name="End">The last day of service in the period, inclusive.</param>
/// <param name="NoticeDeadline">The last day a non-renewal notice may arrive to end the contract at <paramref name="End"/>.</param>
public sealed record ServicePeriod(int Number, DateOnly Start, DateOnly End, DateOnly NoticeDeadline)
{
    public bool IsInitial => Number == 0;

    public int DaysToNoticeDeadline(DateOnly today) => NoticeDeadline.DayNumber - today.DayNumber;
}
