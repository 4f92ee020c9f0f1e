using Portal.Domain.Clients;

namespace Portal.Domain.Billing;

/// <summary>
/// SEO §10.2: monthly and quarterly invoices run on calendar months and calendar quarters (Jan–Mar,
/// Apr–Jun, Jul–Sep, Oct–Dec), after a first invoice that runs to the end of the following one.
/// </summary>
public static class CalendarBillingPeriod
{
    /// <summary>The first day of the calendar month (quarter) that contains <paramref name="day"/>.</summary>
    public static DateOnly Start(DateOnly day, BillingFrequency frequency) => frequency switch
    {
        BillingFrequency.Monthly => new DateOnly(day.Year, day.Month, 1),
        BillingFrequency.Quarterly => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Annual billing follows anniversaries, not the calendar."),
    };

    /// <summary>The last day of the calendar month (quarter) that contains <paramref name="day"/>.</summary>
    public static DateOnly End(DateOnly day, BillingFrequency frequency) =>
        Start(day, frequency).AddMonths(MonthsIn(frequency)).AddDays(-1);

    /// <summary>12 for annual, 3 for quarterly, 1 for monthly billing.</summary>
    public static int MonthsIn(BillingFrequency frequency) => frequency switch
    {
        BillingFrequency.Annual => 12,
        BillingFrequency.Quarterly => 3,
        BillingFrequency.Monthly => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int DaysIncluding(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber + 1;
}
