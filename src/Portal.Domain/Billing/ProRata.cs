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
    /// The price of <paramref name="from"/>–<paramref name="to"/> billed by calendar months (quarters):
    /// each one counts for the days covered ÷ its own days, so a full month costs exactly the period price.
    /// </summary>
    public static decimal ForCalendarPeriods(decimal periodPrice, BillingFrequency frequency, DateOnly from, DateOnly to) =>
        Money.Round(periodPrice * CalendarPeriods(frequency, from, to));

    /// <summary>
    /// How many calendar months (quarters) <paramref name="from"/>–<paramref name="to"/> is worth, not rounded: a whole month
    /// counts 1, 1–30 January 30/31. A share, so that an amount is rounded once, at the end.
    /// </summary>
    public static decimal CalendarPeriods(BillingFrequency frequency, DateOnly from, DateOnly to)
    {
        var total = 0m;
        for (var start = from; start <= to; start = CalendarBillingPeriod.End(start, frequency).AddDays(1))
        {
            var end = CalendarBillingPeriod.End(start, frequency);
            var covered = CalendarBillingPeriod.DaysIncluding(start, end < to ? end : to);
            var days = CalendarBillingPeriod.DaysIncluding(CalendarBillingPeriod.Start(start, frequency), end);
            total += covered == days ? 1m : (decimal)covered / days;
        }
        return total;
    }

    /// <summary>
    /// A yearly price for <paramref name="from"/>–<paramref name="to"/> (both included), e.g. extra seats to the end of the
    /// period: the days ÷ the days of the real contract year they fall in (365, or 366 when that year holds a 29 February),
    /// so the parts of a year add up to its price. Contract years run from <paramref name="yearsFrom"/> (the Effective Date)
    /// to the day before each anniversary; a span over several years is cut at each anniversary.
    /// </summary>
    public static decimal ForDays(decimal annualPrice, DateOnly yearsFrom, DateOnly from, DateOnly to) =>
        Money.Round(annualPrice * Years(yearsFrom, from, to));

    /// <summary>
    /// How many contract years <paramref name="from"/>–<paramref name="to"/> is worth, not rounded: for 1 June 2027 – 31 May 2028
    /// (366 days), 1 June – 31 December 2027 is 214/366 and 1 January – 31 May 2028 is 152/366.
    /// </summary>
    public static decimal Years(DateOnly yearsFrom, DateOnly from, DateOnly to)
    {
        // DOMAIN "Amounts": a day-count pro rata divides by the days of the real period, not of the span's own year.
        var years = new SubscriptionTerm(yearsFrom, 12, 12, 0);
        var total = 0m;
        for (var year = years.PeriodOn(from); year.Start <= to; year = years.Period(year.Number + 1))
        {
            var (start, end) = (from > year.Start ? from : year.Start, year.End < to ? year.End : to);
            var days = CalendarBillingPeriod.DaysIncluding(year.Start, year.End);
            var covered = CalendarBillingPeriod.DaysIncluding(start, end);
            if (covered > 0) total += covered == days ? 1m : (decimal)covered / days;
        }
        return total;
    }
}
