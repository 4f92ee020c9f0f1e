using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §10.2: which invoices an order form calls for, when, for what period and how much.</summary>
public class BillingScheduleTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>10 named users at 1,200.00 a year: 100.00 a seat a month, 300.00 a quarter.</summary>
    private static readonly ScheduledLine Seats = new("Platform — named users", OrderLineKind.Subscription, 10, 1200m);

    /// <summary>3 days at 900.00: 2,700.00 on signature.</summary>
    private static readonly ScheduledLine Onboarding = new("Onboarding workshop (days)", OrderLineKind.ProfessionalServices, 3, 900m);

    private static BillingTerms Terms(string effective, BillingFrequency frequency, PaymentMethod method = PaymentMethod.BankTransfer,
        string signed = "2025-01-20") => new(Day(signed), Day(effective), frequency, method);

    private static string Keys(IEnumerable<ScheduledInvoice> invoices) => string.Join(" ", invoices.Select(i => i.Key));

    private static (string, DateOnly, DateOnly, DateOnly, decimal) Row(string key, string start, string end, string due, decimal unit) =>
        (key, Day(start), Day(end), Day(due), unit);

    private static (string, DateOnly, DateOnly, DateOnly, decimal)[] Rows(IEnumerable<ScheduledInvoice> invoices) =>
        [.. invoices.Select(i => (i.Key, i.PeriodStart, i.PeriodEnd, i.DueOn, i.Lines[0].UnitPriceExclVat))];

    [Fact]
    public void Annual_from_1_February_2025_with_services_signed_20_January_up_to_1_February_2027()
    {
        var invoices = BillingSchedule.For(Terms("2025-02-01", BillingFrequency.Annual), [Seats, Onboarding], Day("2027-02-01"));

        Assert.Equal("ps:2025-01-20 sub:2025-02-01 sub:2026-02-01 sub:2027-02-01", Keys(invoices));
        Assert.Equal(
            [Row("ps:2025-01-20", "2025-01-20", "2025-01-20", "2025-02-19", 900m),
             Row("sub:2025-02-01", "2025-02-01", "2026-01-31", "2025-03-03", 1200m),
             Row("sub:2026-02-01", "2026-02-01", "2027-01-31", "2026-03-03", 1200m),
             Row("sub:2027-02-01", "2027-02-01", "2028-01-31", "2027-03-03", 1200m)], Rows(invoices));
        Assert.Equal([2700m, 12000m, 12000m, 12000m], invoices.Select(i => i.TotalExclVat));
        Assert.All(invoices, i => Assert.Equal(i.PeriodStart, i.IssueOn));
    }

    [Fact]
    public void The_day_before_an_anniversary_its_invoice_is_not_due_yet()
    {
        var invoices = BillingSchedule.For(Terms("2025-02-01", BillingFrequency.Annual), [Seats, Onboarding], Day("2026-01-31"));

        Assert.Equal("ps:2025-01-20 sub:2025-02-01", Keys(invoices));
    }

    [Fact]
    public void Monthly_by_direct_debit_from_31_January_2025_first_covers_31_January_to_28_February_then_each_month()
    {
        var invoices = BillingSchedule.For(Terms("2025-01-31", BillingFrequency.Monthly, PaymentMethod.SepaDirectDebit), [Seats], Day("2025-04-01"));

        Assert.Equal(
            [Row("sub:2025-01-31", "2025-01-31", "2025-02-28", "2025-02-07", 103.226m), // 1/31 of January + February, from the line's amount
             Row("sub:2025-03-01", "2025-03-01", "2025-03-31", "2025-03-08", 100m),
             Row("sub:2025-04-01", "2025-04-01", "2025-04-30", "2025-04-08", 100m)], Rows(invoices));
        // Rounded once per line: 12,000 × (1/31 + 1) / 12 = 1,032.258 → 1,032.26 (not 10 × 103.23 = 1,032.30).
        Assert.Equal([1032.26m, 1000m, 1000m], invoices.Select(i => i.TotalExclVat));
    }

    [Fact]
    public void Monthly_from_1_March_2025_first_invoice_is_two_full_months_to_30_April()
    {
        var invoices = BillingSchedule.For(Terms("2025-03-01", BillingFrequency.Monthly), [Seats], Day("2025-05-01"));

        Assert.Equal(
            [Row("sub:2025-03-01", "2025-03-01", "2025-04-30", "2025-03-31", 200m),
             Row("sub:2025-05-01", "2025-05-01", "2025-05-31", "2025-05-31", 100m)], Rows(invoices));
    }

    [Fact]
    public void Monthly_at_1000_a_year_is_83_33_a_month_to_the_cent_and_86_02_for_31_January_to_28_February()
    {
        var licence = new ScheduledLine("Licence", OrderLineKind.Subscription, 1, 1000m);

        var invoices = BillingSchedule.For(Terms("2025-01-31", BillingFrequency.Monthly), [licence], Day("2025-03-01"));

        Assert.Equal([86.02m, 83.33m], invoices.Select(i => i.Lines[0].UnitPriceExclVat));
    }

    [Fact]
    public void Quarterly_from_15_February_2025_first_covers_the_rest_of_Q1_and_Q2_to_30_June()
    {
        var invoices = BillingSchedule.For(Terms("2025-02-15", BillingFrequency.Quarterly), [Seats], Day("2025-12-31"));

        Assert.Equal(
            [Row("sub:2025-02-15", "2025-02-15", "2025-06-30", "2025-03-17", 450m), // 45/90 of 300 + 300
             Row("sub:2025-07-01", "2025-07-01", "2025-09-30", "2025-07-31", 300m),
             Row("sub:2025-10-01", "2025-10-01", "2025-12-31", "2025-10-31", 300m)], Rows(invoices));
    }

    [Fact]
    public void Quarterly_from_1_October_2025_first_covers_two_full_quarters_to_31_March_2026()
    {
        var invoices = BillingSchedule.For(Terms("2025-10-01", BillingFrequency.Quarterly), [Seats], Day("2026-04-01"));

        Assert.Equal(
            [Row("sub:2025-10-01", "2025-10-01", "2026-03-31", "2025-10-31", 600m),
             Row("sub:2026-04-01", "2026-04-01", "2026-06-30", "2026-05-01", 300m)], Rows(invoices));
    }

    [Fact]
    public void Annual_from_29_February_2024_is_billed_on_1_March_in_common_years_and_29_February_in_leap_years_at_full_price()
    {
        var invoices = BillingSchedule.For(Terms("2024-02-29", BillingFrequency.Annual, signed: "2024-02-01"), [Seats], Day("2028-02-29"));

        Assert.Equal("sub:2024-02-29 sub:2025-03-01 sub:2026-03-01 sub:2027-03-01 sub:2028-02-29", Keys(invoices));
        Assert.Equal(Day("2025-02-28"), invoices[0].PeriodEnd);
        Assert.Equal(Day("2028-02-28"), invoices[3].PeriodEnd);
        Assert.All(invoices, i => Assert.Equal(1200m, i.Lines[0].UnitPriceExclVat));
    }

    [Fact]
    public void An_annual_module_of_20000_outweighs_monthly_seats_of_12000_so_both_are_invoiced_annually_together()
    {
        var module = new ScheduledLine("Analytics module", OrderLineKind.Subscription, 1, 20000m, BillingFrequency.Annual);

        var invoices = BillingSchedule.For(Terms("2025-02-01", BillingFrequency.Monthly), [Seats, module], Day("2025-12-31"));

        var invoice = Assert.Single(invoices);
        Assert.Equal(("sub:2025-02-01", Day("2026-01-31"), 32000m), (invoice.Key, invoice.PeriodEnd, invoice.TotalExclVat));
    }

    [Fact]
    public void An_annual_module_of_5000_beside_monthly_seats_of_12000_is_invoiced_monthly_833_33_for_March_and_April()
    {
        var module = new ScheduledLine("Analytics module", OrderLineKind.Subscription, 1, 5000m, BillingFrequency.Annual);

        var invoices = BillingSchedule.For(Terms("2025-03-01", BillingFrequency.Monthly), [Seats, module], Day("2025-04-30"));

        var first = Assert.Single(invoices);
        Assert.Equal([200m, 833.33m], first.Lines.Select(l => l.UnitPriceExclVat));
        Assert.Equal(2833.33m, first.TotalExclVat);
    }

    [Fact]
    public void Professional_services_alone_are_one_invoice_on_signature()
    {
        var invoice = Assert.Single(BillingSchedule.For(Terms("2025-02-01", BillingFrequency.Annual), [Onboarding], Day("2030-01-01")));

        Assert.Equal(Row("ps:2025-01-20", "2025-01-20", "2025-01-20", "2025-02-19", 900m), Rows([invoice])[0]);
        Assert.Equal(2700m, invoice.TotalExclVat);
    }

    [Theory]
    [InlineData("2025-01-19", "")] // before signature: nothing
    [InlineData("2025-01-20", "ps:2025-01-20")] // signed, not yet effective
    [InlineData("2025-01-31", "ps:2025-01-20")]
    [InlineData("2025-02-01", "ps:2025-01-20 sub:2025-02-01")]
    public void Up_to_a_day_only_the_invoices_issued_by_then(string upTo, string keys)
    {
        Assert.Equal(keys, Keys(BillingSchedule.For(Terms("2025-02-01", BillingFrequency.Monthly), [Seats, Onboarding], Day(upTo))));
    }

    [Fact]
    public void Run_again_later_the_schedule_repeats_every_earlier_invoice_unchanged_and_never_a_period_twice()
    {
        var terms = Terms("2025-01-31", BillingFrequency.Monthly);
        var june = BillingSchedule.For(terms, [Seats, Onboarding], Day("2025-06-15"));
        var nextJune = BillingSchedule.For(terms, [Seats, Onboarding], Day("2026-06-15"));

        static object Summary(ScheduledInvoice i) => (i.Key, i.IssueOn, i.PeriodStart, i.PeriodEnd, i.DueOn, i.TotalExclVat);
        Assert.Equal(june.Select(Summary), nextJune.Take(june.Count).Select(Summary));
        Assert.Equal(nextJune.Count, nextJune.Select(i => i.Key).Distinct().Count());
        var periods = nextJune.Where(i => i.Key.StartsWith("sub:", StringComparison.Ordinal)).ToList();
        Assert.Equal(Day("2025-01-31"), periods[0].PeriodStart);
        Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(pair.First.PeriodEnd.AddDays(1), pair.Second.PeriodStart));
    }

    [Fact]
    public void Monthly_from_31_January_2025_ending_30_January_2026_bills_1_to_30_January_with_the_remainder_and_a_year_totals_12000()
    {
        var invoices = BillingSchedule.For(Terms("2025-01-31", BillingFrequency.Monthly), [Seats], Day("2026-12-31"), lastDayOfService: Day("2026-01-30"));

        Assert.Equal(12, invoices.Count);
        // 1–30 January closes the contract year: it carries the year's remainder, 12,000 − 1,032.26 − 10 × 1,000 = 967.74.
        Assert.Equal(Row("sub:2026-01-01", "2026-01-01", "2026-01-30", "2026-01-31", 96.774m), Rows(invoices)[^1]);
        Assert.Equal(967.74m, invoices[^1].TotalExclVat);
        Assert.Equal(12_000m, invoices.Sum(i => i.TotalExclVat)); // 1,032.26 + 10 × 1,000 + 967.74
    }

    [Fact]
    public void Annual_from_1_January_2025_ending_30_June_2026_bills_the_second_year_to_30_June_181_days_5950_68()
    {
        var invoices = BillingSchedule.For(Terms("2025-01-01", BillingFrequency.Annual, signed: "2024-12-15"), [Seats], Day("2027-12-31"),
            lastDayOfService: Day("2026-06-30"));

        Assert.Equal(
            [Row("sub:2025-01-01", "2025-01-01", "2025-12-31", "2025-01-31", 1200m),
             Row("sub:2026-01-01", "2026-01-01", "2026-06-30", "2026-01-31", 595.068m)], Rows(invoices));
        Assert.Equal(5_950.68m, invoices[1].TotalExclVat); // 12,000 × 181 / 365 = 5,950.68, rounded once (not 10 × 595.07)
    }

    [Fact]
    public void An_online_order_is_due_on_each_invoice_date()
    {
        var invoices = BillingSchedule.For(Terms("2025-02-01", BillingFrequency.Annual, PaymentMethod.Online), [Seats], Day("2026-02-01"));

        Assert.All(invoices, i => Assert.Equal(i.IssueOn, i.DueOn));
    }

    [Fact]
    public void From_an_order_form_its_dates_frequency_method_and_lines_drive_the_schedule()
    {
        var form = new OrderForm
        {
            Reference = "OF-2025-007", SignedOn = Day("2025-01-20"), EffectiveDate = Day("2025-02-01"),
            BillingFrequency = BillingFrequency.Quarterly, PaymentMethod = PaymentMethod.SepaDirectDebit,
            Lines =
            [
                new OrderLine { Description = "Platform — named users", Kind = OrderLineKind.Subscription, Quantity = 10, UnitPriceExclVat = 1200m },
                new OrderLine { Description = "Onboarding", Kind = OrderLineKind.ProfessionalServices, Quantity = 3, UnitPriceExclVat = 900m },
            ],
        };

        var invoices = BillingSchedule.For(form, Day("2025-07-01"));

        Assert.Equal("ps:2025-01-20 sub:2025-02-01 sub:2025-07-01", Keys(invoices));
        Assert.Equal(Day("2025-06-30"), invoices[1].PeriodEnd); // the rest of Q1, then Q2
        Assert.Equal(Day("2025-01-27"), invoices[0].DueOn);
    }

    // ---- Issue #16: the largest-amount rule from the order form's own lines, rounding once, a year adding up ----

    [Fact]
    public void Largest_amount_rule_annual_5000_beside_monthly_6000_on_one_order_form_bills_everything_monthly()
    {
        var form = new OrderForm
        {
            Reference = "OF-2027-001", SignedOn = Day("2027-02-20"), EffectiveDate = Day("2027-03-01"),
            BillingFrequency = BillingFrequency.Annual, PaymentMethod = PaymentMethod.SepaDirectDebit,
            Lines =
            [
                new OrderLine { Description = "Analytics module", Kind = OrderLineKind.Subscription, Quantity = 1, UnitPriceExclVat = 5_000m,
                    BillingFrequency = BillingFrequency.Annual },
                new OrderLine { Description = "Platform", Kind = OrderLineKind.Subscription, Quantity = 1, UnitPriceExclVat = 6_000m,
                    BillingFrequency = BillingFrequency.Monthly },
                new OrderLine { Description = "Onboarding", Kind = OrderLineKind.ProfessionalServices, Quantity = 1, UnitPriceExclVat = 9_000m },
            ],
        };

        var invoices = BillingSchedule.For(form, Day("2027-05-01"));

        Assert.Equal(BillingFrequency.Monthly, form.BilledEvery);
        Assert.Equal("ps:2027-02-20 sub:2027-03-01 sub:2027-05-01", Keys(invoices));
        // March–April, the first invoice to the end of the following month: 2/12 of 5,000 and of 6,000.
        Assert.Equal([833.33m, 1_000m], invoices[1].Lines.Select(l => l.AmountExclVat));
        Assert.Equal([416.67m, 500m], invoices[2].Lines.Select(l => l.AmountExclVat));
    }

    private static readonly ScheduledLine ThousandSeats = new("Named User seats (annual price)", OrderLineKind.Subscription, 1_000, 10m);

    [Fact]
    public void Round_once_1000_seats_at_10_a_year_billed_monthly_cost_833_33_a_month_not_830_00()
    {
        var invoices = BillingSchedule.For(Terms("2025-08-01", BillingFrequency.Monthly, signed: "2025-07-20"), [ThousandSeats], Day("2025-11-01"));

        var october = invoices.Single(i => i.Key == "sub:2025-10-01");
        var line = Assert.Single(october.Lines);
        Assert.Equal((1_000m, 0.8333m, 833.33m), (line.Quantity, line.UnitPriceExclVat, line.AmountExclVat));
        Assert.Equal(1_666.67m, invoices[0].TotalExclVat); // August and September, 2/12 of 10,000
    }

    [Fact]
    public void Round_once_the_invoices_of_one_contract_year_add_up_to_10000_and_July_carries_the_remainder()
    {
        var invoices = BillingSchedule.For(Terms("2025-08-01", BillingFrequency.Monthly, signed: "2025-07-20"), [ThousandSeats], Day("2026-08-01"));

        var year = invoices.Where(i => i.PeriodStart < Day("2026-08-01")).ToList();
        Assert.Equal(11, year.Count); // August–September, then October to July
        Assert.Equal(10_000m, year.Sum(i => i.TotalExclVat));
        Assert.All(year.Skip(1).SkipLast(1), i => Assert.Equal(833.33m, i.TotalExclVat));
        Assert.Equal(833.36m, year[^1].TotalExclVat); // 10,000 − 1,666.67 − 8 × 833.33
        Assert.Equal(833.33m, invoices[^1].TotalExclVat); // August 2026 starts the next year afresh
    }

    [Theory]
    [InlineData("2025-08-15", BillingFrequency.Monthly)] // calendar months straddle each anniversary
    [InlineData("2025-02-01", BillingFrequency.Quarterly)]
    [InlineData("2024-02-29", BillingFrequency.Monthly)]
    [InlineData("2025-01-31", BillingFrequency.Monthly)]
    public void Round_once_two_contract_years_of_1000_seats_at_10_add_up_to_20000_to_the_cent(string effective, BillingFrequency frequency)
    {
        var terms = Terms(effective, frequency, PaymentMethod.SepaDirectDebit, signed: "2024-01-15");
        var years = new Portal.Domain.Subscription.SubscriptionTerm(Day(effective), 12, 12, 0);

        var invoices = BillingSchedule.For(terms, [ThousandSeats], Day("2030-01-01"), lastDayOfService: years.Period(1).End);

        Assert.Equal(20_000m, invoices.Sum(i => i.TotalExclVat));
        // Ended halfway through the second year: the first year is whole, the second its share of the days, each rounded once.
        var halfway = years.Period(1).Start.AddMonths(6).AddDays(-1);
        var cut = BillingSchedule.For(terms, [ThousandSeats], Day("2030-01-01"), lastDayOfService: halfway);
        Assert.Equal(10_000m + Money.Round(10_000m * ProRataShare(frequency, years.Period(1).Start, halfway)), cut.Sum(i => i.TotalExclVat));
    }

    private static decimal ProRataShare(BillingFrequency frequency, DateOnly from, DateOnly to) =>
        ProRata.CalendarPeriods(frequency, from, to) * CalendarBillingPeriod.MonthsIn(frequency) / 12;

    [Fact]
    public void Annual_billing_bills_each_contract_year_whole_to_the_cent()
    {
        var invoices = BillingSchedule.For(Terms("2027-06-01", BillingFrequency.Annual, signed: "2027-05-20"), [ThousandSeats], Day("2029-06-01"));

        Assert.All(invoices, i => Assert.Equal((10_000m, 10m), (i.TotalExclVat, i.Lines[0].UnitPriceExclVat)));
    }

    [Fact]
    public void Each_line_names_the_days_it_bills_and_keeps_its_French_description()
    {
        var seats = ThousandSeats with { DescriptionFr = "Sièges d'utilisateurs nommés (prix annuel)" };

        var october = BillingSchedule.For(Terms("2025-08-01", BillingFrequency.Monthly), [seats, Onboarding], Day("2025-10-01"))
            .Single(i => i.Key == "sub:2025-10-01").Lines[0];

        Assert.Equal((Day("2025-10-01"), Day("2025-10-31"), "Sièges d'utilisateurs nommés (prix annuel)"),
            (october.ServiceFrom, october.ServiceTo, october.DescriptionFr));
    }
}
