using System.Text.RegularExpressions;

namespace Portal.Domain.Billing;

/// <summary>How much service an invoice line covers, as its label says it.</summary>
public enum LineSpan
{
    /// <summary>Billed once (professional services, a charge): no period.</summary>
    Once,
    Days,
    Months,
    Years,
}

/// <summary>
/// The parts of an invoice line's label; the words come from the resx, keyed by <see cref="Template"/>
/// (arguments: {0} the item, {1} the first day, {2} the last day, {3} the count).
/// </summary>
/// <param name="Item">The order line's description in the invoice's language, without any "(annual price)": the span says it.</param>
/// <param name="Count">How many days, months or years; 1 for <see cref="LineSpan.Once"/>.</param>
public sealed record LineLabel(string Item, LineSpan Span, int Count, DateOnly? From, DateOnly? To)
{
    public string Template => (Span, Count) switch
    {
        (LineSpan.Once, _) => "{0}",
        (LineSpan.Months, 1) => "{0}, 1 month ({1} to {2})",
        (LineSpan.Months, _) => "{0}, {3} months ({1} to {2})",
        (LineSpan.Years, 1) => "{0}, 1 year ({1} to {2})",
        (LineSpan.Years, _) => "{0}, {3} years ({1} to {2})",
        (LineSpan.Days, 1) => "{0}, 1 day ({1})",
        _ => "{0}, {3} days ({1} to {2})",
    };

    /// <summary>The arguments of <see cref="Template"/>, dates left as dates for the reader's culture.</summary>
    public object[] Args => [Item, (object?)From ?? "", (object?)To ?? "", Count];
}

/// <summary>
/// DOMAIN "Invoices and payment": a line says what it bills and for how long. A line covering one month says "1 month",
/// and never "(annual price)" next to a monthly amount: the order form's wording of the price basis is dropped, since the
/// line's amount is for its span, not for a year.
/// </summary>
public static partial class InvoiceLineLabel
{
    /// <param name="description">The order line's description in the invoice's language.</param>
    /// <param name="from">The first day of service billed; null for what is billed once.</param>
    /// <param name="to">The last day of service billed, included.</param>
    public static LineLabel For(string description, DateOnly? from, DateOnly? to)
    {
        if (from is not { } first || to is not { } last || last < first)
            return new LineLabel(description.Trim(), LineSpan.Once, 1, null, null);
        var item = WithoutPriceBasis(description);
        // A contract year from its anniversary (annual billing), as the term counts it (SEO §3).
        for (var years = 1; first.AddYears(years - 1) <= last; years++)
            if (MonthsEnd(first, 12 * years) == last) return new LineLabel(item, LineSpan.Years, years, first, last);
        // Whole calendar months (monthly and quarterly billing, SEO §10.2): 1–31 October is "1 month".
        if (first.Day == 1 && last.AddDays(1).Day == 1)
            return new LineLabel(item, LineSpan.Months, (last.Year - first.Year) * 12 + last.Month - first.Month + 1, first, last);
        // Anything else (the first pro-rata invoice, a period cut short by the end) in days: 31 January – 28 February is 29 days.
        return new LineLabel(item, LineSpan.Days, CalendarBillingPeriod.DaysIncluding(first, last), first, last);
    }

    /// <summary>
    /// "Portal subscription (annual price)" → "Portal subscription": a trailing parenthesis that only states the yearly price
    /// basis, in English or French. Anything else in parentheses ("(Business edition)") stays.
    /// </summary>
    public static string WithoutPriceBasis(string description) => PriceBasis().Replace(description, "").Trim();

    /// <summary>The day before the same date <paramref name="months"/> later; from a 31st, the month's end (as for service periods).</summary>
    private static DateOnly MonthsEnd(DateOnly first, int months)
    {
        var next = first.AddMonths(months);
        return (next.Day == first.Day ? next : next.AddDays(1)).AddDays(-1);
    }

    [GeneratedRegex(@"\s*\((annual|yearly|per year|annual price|price per year|annuel|annuelle|prix annuel|tarif annuel|par an)\)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceBasis();
}
