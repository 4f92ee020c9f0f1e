using System.Globalization;
using Portal.Domain.Clients;
using Portal.Domain.Subscription;

namespace Portal.Domain.Billing;

/// <summary>What the billing schedule needs from an order form, and the Provider's payment terms.</summary>
public sealed record BillingTerms(DateOnly SignedOn, DateOnly EffectiveDate, BillingFrequency Frequency, PaymentMethod PaymentMethod,
    int BankTransferDays = DueDate.BankTransferDays, int DirectDebitDays = DueDate.DirectDebitDays)
{
    public static BillingTerms From(OrderForm form) => new(form.SignedOn, form.EffectiveDate, form.BillingFrequency, form.PaymentMethod);
}

/// <summary>SEO §10.2: the invoices an order form calls for, each issued once for its own period.</summary>
public static class BillingSchedule
{
    public static IReadOnlyList<ScheduledInvoice> For(OrderForm form, DateOnly upTo, DateOnly? lastDayOfService = null) =>
        For(BillingTerms.From(form), form.Lines.Select(ScheduledLine.From).ToList(), upTo, lastDayOfService);

    /// <summary>Every invoice issued on or before <paramref name="upTo"/>, oldest first.</summary>
    /// <param name="lastDayOfService">When the contract ends: no period after it, and the last one is cut short pro rata.</param>
    public static IReadOnlyList<ScheduledInvoice> For(BillingTerms terms, IReadOnlyList<ScheduledLine> lines, DateOnly upTo,
        DateOnly? lastDayOfService = null)
    {
        var invoices = new List<ScheduledInvoice>();
        // SEO §10.2: professional services are invoiced in full on signature, whatever the subscription's period.
        var services = lines.Where(l => l.Kind == OrderLineKind.ProfessionalServices).ToList();
        // SEO §10.2: the services' invoice has no service period of its own: it names the signature day.
        if (services.Count > 0 && terms.SignedOn <= upTo)
            invoices.Add(Scheduled("ps", terms.SignedOn, terms.SignedOn, terms,
                services.Select(l => new ScheduledInvoiceLine(l.Description, l.Quantity, l.UnitPriceExclVat) { DescriptionFr = l.DescriptionFr })));

        var subscriptions = lines.Where(l => l.Kind == OrderLineKind.Subscription).ToList();
        var frequency = UniformBillingPeriod.For(terms.Frequency, subscriptions);
        var years = new ContractYears(terms.EffectiveDate, frequency, lastDayOfService);
        foreach (var (start, end) in subscriptions.Count == 0 ? [] : Periods(terms.EffectiveDate, frequency))
        {
            if (start > upTo || start > lastDayOfService) break;
            // SEO §14.4: fees run to the last day of service, so a period cut short by the end is billed pro rata.
            var billedTo = lastDayOfService < end ? lastDayOfService.Value : end;
            invoices.Add(Scheduled("sub", start, billedTo, terms, subscriptions.Select((l, i) =>
                ScheduledInvoiceLine.For(l, years.Bill(i, l.Amount, start, billedTo), start, billedTo))));
        }
        return [.. invoices.OrderBy(i => i.IssueOn).ThenBy(i => i.Key, StringComparer.Ordinal)];
    }

    /// <summary>Each invoice is issued on the first day of the period it bills, so the period start is its key.</summary>
    private static ScheduledInvoice Scheduled(string kind, DateOnly start, DateOnly end, BillingTerms terms, IEnumerable<ScheduledInvoiceLine> lines) =>
        new($"{kind}:{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", start, start, end,
            DueDate.For(start, terms.PaymentMethod, terms.BankTransferDays, terms.DirectDebitDays), [.. lines]);

    private static IEnumerable<(DateOnly Start, DateOnly End)> Periods(DateOnly effectiveDate, BillingFrequency frequency) =>
        frequency == BillingFrequency.Annual ? Anniversaries(effectiveDate) : CalendarPeriods(effectiveDate, frequency);

    /// <summary>SEO §10.2: annual in advance, at each anniversary of the Effective Date.</summary>
    private static IEnumerable<(DateOnly, DateOnly)> Anniversaries(DateOnly effectiveDate)
    {
        var years = new SubscriptionTerm(effectiveDate, 12, 12, 0);
        for (var n = 0; ; n++) yield return (years.Period(n).Start, years.Period(n).End);
    }

    /// <summary>SEO §10.2: a pro-rata first invoice to the end of the following month (quarter), then one per calendar period.</summary>
    private static IEnumerable<(DateOnly, DateOnly)> CalendarPeriods(DateOnly effectiveDate, BillingFrequency frequency)
    {
        for (var (start, end) = (effectiveDate, ProRata.FirstPeriodEnd(effectiveDate, frequency)); ;
             start = end.AddDays(1), end = CalendarBillingPeriod.End(start, frequency))
            yield return (start, end);
    }

    /// <summary>
    /// DOMAIN "Amounts": quantity × the yearly price, divided into periods and rounded once per line, and the invoices of one
    /// contract year add up to the yearly price to the cent. Each period is the share of its contract year it covers (days
    /// of the real year for annual billing, calendar months for monthly and quarterly), rounded; the period that closes a
    /// contract year (or the last day of service) carries the remainder. A period that straddles an anniversary is billed
    /// in two parts, one per contract year.
    /// </summary>
    private sealed class ContractYears(DateOnly effectiveDate, BillingFrequency frequency, DateOnly? lastDayOfService)
    {
        private readonly SubscriptionTerm years = new(effectiveDate, 12, 12, 0);
        private readonly Dictionary<(int Year, int Line), decimal> billed = [];

        /// <summary>What line <paramref name="line"/>, worth <paramref name="yearlyAmount"/> a year, costs for from–to.</summary>
        public decimal Bill(int line, decimal yearlyAmount, DateOnly from, DateOnly to)
        {
            var total = 0m;
            for (var year = years.PeriodOn(from); year.Start <= to; year = years.Period(year.Number + 1))
            {
                var (start, end) = (from > year.Start ? from : year.Start, year.End < to ? year.End : to);
                var billedSoFar = billed.GetValueOrDefault((year.Number, line));
                var closesYear = end == year.End || end == lastDayOfService;
                var amount = closesYear
                    ? Money.Round(yearlyAmount * Share(year.Start, end, year)) - billedSoFar
                    : Money.Round(yearlyAmount * Share(start, end, year));
                billed[(year.Number, line)] = billedSoFar + amount;
                total += amount;
            }
            return total;
        }

        /// <summary>The part of a contract year that from–to (inside it) is worth, not rounded.</summary>
        private decimal Share(DateOnly from, DateOnly to, ServicePeriod year) =>
            from == year.Start && to == year.End ? 1m
            : frequency == BillingFrequency.Annual ? ProRata.Years(year.Start, from, to)
            // SEO §10.1: prices are per year; a calendar month is a twelfth of it, a quarter a quarter.
            : ProRata.CalendarPeriods(frequency, from, to) * CalendarBillingPeriod.MonthsIn(frequency) / 12;
    }
}
