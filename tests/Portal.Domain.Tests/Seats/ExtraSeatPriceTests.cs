using Portal.Domain.Seats;
using Portal.Domain.Subscription;

namespace Portal.Domain.Tests.Seats;

public class ExtraSeatPriceTests
{
    // Effective 1 January 2025: the first Extended Service Period runs 1 January – 31 December 2026.
    private static readonly SubscriptionTerm Term = new(new DateOnly(2025, 1, 1), 12, 12, 2);

    [Fact]
    public void A_seat_at_240_a_year_from_2_July_2026_costs_183_days_of_365_that_is_120_33()
    {
        // 2 July – 31 December 2026 = 183 days; 240 × 183 / 365 = 120.328… → 120.33.
        Assert.Equal(120.33m, ExtraSeatPrice.PerSeat(240m, Term, new DateOnly(2026, 7, 2)));
    }

    [Fact]
    public void Three_seats_cost_three_times_the_rounded_seat_price_so_quote_and_invoice_line_agree()
    {
        Assert.Equal(360.99m, ExtraSeatPrice.For(3, 240m, Term, new DateOnly(2026, 7, 2)));
    }

    [Fact]
    public void On_the_first_day_of_a_period_a_seat_costs_the_whole_annual_price()
    {
        Assert.Equal(240m, ExtraSeatPrice.PerSeat(240m, Term, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void On_the_last_day_of_a_period_a_seat_costs_one_day()
    {
        // 240 / 365 = 0.6575… → 0.66.
        Assert.Equal(0.66m, ExtraSeatPrice.PerSeat(240m, Term, new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void In_a_period_holding_29_February_the_year_has_366_days()
    {
        // Effective 1 March 2027: the initial period 1 March 2027 – 29 February 2028 holds a leap day.
        var term = new SubscriptionTerm(new DateOnly(2027, 3, 1), 12, 12, 2);
        // 1 December 2027 – 29 February 2028 = 91 days; 366 × 91 / 366 = 91.00.
        Assert.Equal(91m, ExtraSeatPrice.PerSeat(366m, term, new DateOnly(2027, 12, 1)));
    }

    [Fact]
    public void A_trial_at_no_price_quotes_nothing()
    {
        Assert.Equal(0m, ExtraSeatPrice.For(5, 0m, Term, new DateOnly(2026, 7, 2)));
    }

    [Theory]
    [InlineData(0, "Ask for at least one seat.")]
    [InlineData(-2, "Ask for at least one seat.")]
    [InlineData(501, "Ask for at most 500 seats at once; for more, contact your account manager.")]
    [InlineData(1, null)]
    [InlineData(500, null)]
    public void A_request_asks_for_1_to_500_seats(int seats, string? problem) =>
        Assert.Equal(problem, ExtraSeatPrice.Problem(seats));
    [Fact]
    public void An_extra_seat_at_240_a_year_from_1_March_2028_in_the_term_from_1_August_2027_costs_153_of_366_days_100_33()
    {
        // The contract year 1 August 2027 – 31 July 2028 holds 29 February 2028: 366 days, though 1 March – 31 July does not.
        var term = new SubscriptionTerm(new DateOnly(2027, 8, 1), 12, 12, 2);

        Assert.Equal(100.33m, ExtraSeatPrice.PerSeat(240m, term, new DateOnly(2028, 3, 1))); // 240 × 153 / 366 = 100.327
    }

    private static Portal.Domain.Billing.PriceRevision Revision(DateOnly anniversary, decimal previous, decimal next) =>
        new() { Anniversary = anniversary, PreviousIndex = previous, NewIndex = next, AppliedByUserId = "staff" };

    [Fact]
    public void After_a_Syntec_revision_extra_seats_are_quoted_and_approved_at_the_revised_price()
    {
        // SEO §10.3: 240 revised at the 2026 anniversary by 296.3 / 287.8 = 247.09 a year.
        var revisions = new[] { Revision(new DateOnly(2026, 1, 1), 287.8m, 296.3m) };
        var from = new DateOnly(2026, 7, 2);

        Assert.Equal(Portal.Domain.Billing.Money.Round(247.09m * 183 / 365), ExtraSeatPrice.PerSeat(240m, Term, from, revisions)); // 123.88
        Assert.Equal(123.88m, ExtraSeatPrice.PerSeat(240m, Term, from, revisions));
        Assert.Equal(3 * 123.88m, ExtraSeatPrice.For(3, 240m, Term, from, revisions));
    }

    [Fact]
    public void A_revision_for_a_later_anniversary_does_not_change_todays_quote()
    {
        var revisions = new[] { Revision(new DateOnly(2027, 1, 1), 287.8m, 296.3m) };

        Assert.Equal(120.33m, ExtraSeatPrice.PerSeat(240m, Term, new DateOnly(2026, 7, 2), revisions));
    }
}
