using System.Globalization;
using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §11.3.2: 1 % a month per day late, a 40 EUR indemnity per late invoice, 50 EUR per rejected debit.</summary>
public class LateInterestTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Payment Paid(string on, decimal amount) => new() { ReceivedOn = Day(on), Amount = amount };

    private static Payment Rejected(string on, decimal amount) =>
        new() { ReceivedOn = Day(on), Amount = amount, Kind = PaymentKind.DirectDebitRejection };

    private static LateCharges On(string due, string asOf, params Payment[] payments) =>
        LateInterest.On(1000m, Day(due), payments, Day(asOf));

    [Fact]
    public void Interest_over_45_days_on_1000_00_due_14_February_paid_31_March_is_14_79_plus_the_40_indemnity()
    {
        var charges = On("2025-02-14", "2025-04-30", Paid("2025-03-31", 1000m));

        Assert.Equal(new LateCharges(14.79m, 40m, 0m), charges); // 1,000 × 12 % × 45 / 365 = 14.7945
        Assert.Equal(54.79m, charges.Total);
    }

    [Theory]
    [InlineData("2025-03-01")] // paid on the due date
    [InlineData("2025-02-20")] // paid early
    public void Paid_by_the_due_date_owes_nothing(string paidOn)
    {
        Assert.Equal(new LateCharges(0m, 0m, 0m), On("2025-03-01", "2025-12-31", Paid(paidOn, 1000m)));
    }

    [Theory]
    [InlineData("2025-03-02", "0.33")] // the day after: one day
    [InlineData("2025-03-31", "9.86")] // 30 days
    [InlineData("2025-04-01", "10.19")] // 31 days: 12 % / 365 charges a long month a little over 1 %
    [InlineData("2026-03-01", "120.00")] // a whole year: 12 %
    public void Interest_on_1000_due_1_March_2025_by_day_of_payment(string paidOn, string interest)
    {
        Assert.Equal(decimal.Parse(interest, CultureInfo.InvariantCulture), On("2025-03-01", "2027-01-01", Paid(paidOn, 1000m)).Interest);
    }

    [Fact]
    public void Still_unpaid_30_days_after_1_March_interest_so_far_is_9_86_and_the_indemnity_is_owed()
    {
        Assert.Equal(new LateCharges(9.86m, 40m, 0m), On("2025-03-01", "2025-03-31"));
    }

    [Theory]
    [InlineData("2025-03-01")]
    [InlineData("2025-02-01")]
    public void Not_yet_late_on_or_before_the_due_date_nothing_is_owed(string asOf)
    {
        Assert.Equal(new LateCharges(0m, 0m, 0m), On("2025-03-01", asOf));
    }

    [Fact]
    public void Partial_payments_400_after_30_days_then_600_after_30_more_give_9_86_plus_5_92_rounded_once_to_15_78()
    {
        var charges = On("2025-03-01", "2025-12-31", Paid("2025-03-31", 400m), Paid("2025-04-30", 600m));

        Assert.Equal(15.78m, charges.Interest); // 1,000 × 12 % × 30/365 + 600 × 12 % × 30/365 = 9.8630 + 5.9178
        Assert.Equal(40m, charges.Indemnity);
    }

    [Fact]
    public void A_payment_of_600_before_the_due_date_leaves_interest_on_400_for_30_days_3_95()
    {
        Assert.Equal(3.95m, On("2025-03-01", "2025-12-31", Paid("2025-02-20", 600m), Paid("2025-03-31", 400m)).Interest);
    }

    [Fact]
    public void Two_payments_of_500_on_the_same_day_count_as_one_of_1000()
    {
        Assert.Equal(9.86m, On("2025-03-01", "2025-12-31", Paid("2025-03-31", 500m), Paid("2025-03-31", 500m)).Interest);
    }

    [Fact]
    public void Payments_after_the_day_asked_about_are_not_yet_counted()
    {
        Assert.Equal(9.86m, On("2025-03-01", "2025-03-31", Paid("2025-04-30", 1000m)).Interest);
    }

    [Fact]
    public void An_overpayment_earns_the_Client_no_negative_interest()
    {
        Assert.Equal(new LateCharges(0m, 0m, 0m), On("2025-03-01", "2025-12-31", Paid("2025-02-20", 1500m)));
    }

    [Fact]
    public void A_debit_on_the_due_date_rejected_10_days_later_and_paid_30_days_after_that_costs_40_days_13_15_plus_40_plus_50()
    {
        var charges = On("2025-03-01", "2025-12-31", Paid("2025-03-01", 1000m), Rejected("2025-03-11", 1000m), Paid("2025-04-10", 1000m));

        // The rejected debit was never a payment: interest runs from the due date, 1 March to 10 April (1,000 × 12 % × 40 / 365).
        Assert.Equal(new LateCharges(13.15m, 40m, 50m), charges);
        Assert.Equal(103.15m, charges.Total);
    }

    [Fact]
    public void Rejected_direct_debit_500_due_8_December_collected_8_December_rejected_10_December_paid_20_December_is_12_days_1_97()
    {
        var charges = LateInterest.On(500m, Day("2026-12-08"), [Paid("2026-12-08", 500m), Rejected("2026-12-10", 500m), Paid("2026-12-20", 500m)],
            Day("2026-12-31"));

        // SEO §11.3.2 "until payment": 500 × 12 % × 12 / 365 = 1.9726; the indemnity and the rejection fee stay.
        Assert.Equal(new LateCharges(1.97m, 40m, 50m), charges);
    }

    [Fact]
    public void A_partial_rejection_of_200_of_a_1000_debit_leaves_interest_on_200_from_the_due_date()
    {
        var charges = On("2025-03-01", "2025-12-31", Paid("2025-03-01", 1000m), Rejected("2025-03-05", 200m), Paid("2025-03-31", 200m));

        Assert.Equal(1.97m, charges.Interest); // 200 × 12 % × 30 / 365
    }

    [Fact]
    public void Two_rejected_debits_cost_100_in_fees()
    {
        var charges = On("2025-03-01", "2025-12-31", Paid("2025-03-01", 1000m), Rejected("2025-03-01", 1000m),
            Paid("2025-03-01", 1000m), Rejected("2025-03-01", 1000m), Paid("2025-03-01", 1000m));

        Assert.Equal(new LateCharges(0m, 0m, 100m), charges);
    }

    [Fact]
    public void The_defaults_are_12_percent_a_year_40_EUR_indemnity_and_50_EUR_per_rejection()
    {
        Assert.Equal((0.12m, 40m, 50m), (LateInterest.AnnualRate, LateInterest.CollectionIndemnity, LateInterest.DirectDebitRejectionFee));
    }

    [Fact]
    public void A_contract_rate_of_15_percent_over_30_days_on_1000_is_12_33()
    {
        Assert.Equal(12.33m, LateInterest.On(1000m, Day("2025-03-01"), [Paid("2025-03-31", 1000m)], Day("2025-12-31"), annualRate: 0.15m).Interest);
    }
}
