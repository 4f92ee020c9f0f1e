using Portal.Domain.Clients;
using Portal.Domain.Subscription;

namespace Portal.Domain.Billing;

/// <summary>SEO §10.2: what part of a period's price a shorter span of service costs, counted in days.</summary>
public static class ProRata
{
    /// <summary>
    /// SEO §10.2: the first monthly (quarterly) invoice covers the Effective Date to the last day of the
    /// FOLLOWING month (quarter): 31 January → 28 February; 15 February, quarterly → 30 June.
    /// </summary>
    public static DateOnly FirstPeriodEnd(DateOnly effectiveDate, BillingFrequency frequency) =>
        CalendarBillingPeriod.End(CalendarBillingPeriod.End(effectiveDate, frequency).AddDays(1), frequency);

    /// <summary>
    /// The first invoice's amount: the period price × (days left in the first month, the Effective Date
    /// included, ÷ days in that month) + one full period.
    /// </summary>
    public static decimal FirstPeriodAmount(decimal periodPrice, DateOnly effectiveDate, BillingFrequency frequency) =>
        ForCalendarPeriods(periodPrice, frequency, effectiveDate, FirstPeriodEnd(effectiveDate, frequency));

    /// <summary>
    /// The price of <paramref name="from"/>–<paramref name="to"/> billed by calendar months (quarters):
    /// each one counts for the days covered ÷ its own days, so a full month costs exactly the period price.
    /// </summary>
    public static decimal ForCalendarPeriods(decimal periodPrice, BillingFrequency frequency, DateOnly from, DateOnly to)
    {
        var total = 0m;
        for (var start = from; start <= to; start = CalendarBillingPeriod.End(start, frequency).AddDays(1))
        {
            var end = CalendarBillingPeriod.End(start, frequency);
            var covered = CalendarBillingPeriod.DaysIncluding(start, end < to ? end : to);
            total += periodPrice * covered / CalendarBillingPeriod.DaysIncluding(CalendarBillingPeriod.Start(start, frequency), end);
        }
        return Money.Round(total);
    }

    /// <summary>
    /// An annual price for <paramref name="from"/>–<paramref name="to"/> (both included), e.g. extra seats to
    /// the end of the period: days ÷ 365, or ÷ 366 when the span includes a 29 February, so a whole
    /// anniversary year always costs exactly the annual price. Spans over a year are cut at each anniversary.
    /// </summary>
    public static decimal ForDays(decimal annualPrice, DateOnly from, DateOnly to)
    {
        // SEO §10.2 leaves the day count open: 365/366 by whether the span holds a 29 February.
        var years = new SubscriptionTerm(from, 12, 12, 0);
        var total = 0m;
        for (var year = years.Period(0); year.Start <= to; year = years.Period(year.Number + 1))
        {
            var end = year.End < to ? year.End : to;
            var daysInYear = HoldsLeapDay(year.Start, end) ? 366 : 365;
            total += annualPrice * CalendarBillingPeriod.DaysIncluding(year.Start, end) / daysInYear;
        }
        return Money.Round(total);
    }

    private static bool HoldsLeapDay(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
            if (DateTime.IsLeapYear(year) && from <= new DateOnly(year, 2, 29) && new DateOnly(year, 2, 29) <= to)
                return true;
        return false;
    }
}
