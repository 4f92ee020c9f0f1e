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
            [Row("sub:2025-01-31", "2025-01-31", "2025-02-28", "2025-02-07", 103.23m), // 1/31 of January + February
             Row("sub:2025-03-01", "2025-03-01", "2025-03-31", "2025-03-08", 100m),
             Row("sub:2025-04-01", "2025-04-01", "2025-04-30", "2025-04-08", 100m)], Rows(invoices));
        Assert.Equal([1032.30m, 1000m, 1000m], invoices.Select(i => i.TotalExclVat));
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
    public void Monthly_from_31_January_2025_ending_30_January_2026_bills_1_to_30_January_pro_rata_and_a_year_totals_1200_a_seat()
    {
        var invoices = BillingSchedule.For(Terms("2025-01-31", BillingFrequency.Monthly), [Seats], Day("2026-12-31"), lastDayOfService: Day("2026-01-30"));

        Assert.Equal(12, invoices.Count);
        Assert.Equal(Row("sub:2026-01-01", "2026-01-01", "2026-01-30", "2026-01-31", 96.77m), Rows(invoices)[^1]);
        Assert.Equal(1200m, invoices.Sum(i => i.Lines[0].UnitPriceExclVat)); // 103.23 + 10 × 100 + 96.77
    }

    [Fact]
    public void Annual_from_1_January_2025_ending_30_June_2026_bills_the_second_year_to_30_June_181_days_595_07()
    {
        var invoices = BillingSchedule.For(Terms("2025-01-01", BillingFrequency.Annual, signed: "2024-12-15"), [Seats], Day("2027-12-31"),
            lastDayOfService: Day("2026-06-30"));

        Assert.Equal(
            [Row("sub:2025-01-01", "2025-01-01", "2025-12-31", "2025-01-31", 1200m),
             Row("sub:2026-01-01", "2026-01-01", "2026-06-30", "2026-01-31", 595.07m)], Rows(invoices));
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
}
