using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Subscription;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §10.3: P(t) = P(t-1) × S(t) / S(t-1) with the Syntec index, to the cent; never for online orders.</summary>
public class PriceRevisionRuleTests
{
    private static decimal M(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);

    private static readonly ScheduledLine Seats = new("Platform — named users", OrderLineKind.Subscription, 10, 1200m);
    private static readonly ScheduledLine Onboarding = new("Onboarding", OrderLineKind.ProfessionalServices, 3, 900m);

    [Theory]
    [InlineData("1000", "120", "125", "1041.67")] // 1041.6667
    [InlineData("1200", "287.8", "296.3", "1235.44")] // 1235.4413
    [InlineData("41.67", "287.8", "296.3", "42.90")] // 42.9007
    [InlineData("1200", "300", "300", "1200.00")] // unchanged index, unchanged price
    [InlineData("1200", "300", "290", "1160.00")] // a falling index lowers the price: the clause has no floor
    public void Revised_price_to_the_cent(string previous, string previousIndex, string newIndex, string revised)
    {
        Assert.Equal(M(revised), PriceRevisionRule.Revise(M(previous), M(previousIndex), M(newIndex)));
    }

    [Fact]
    public void The_next_revision_starts_from_the_rounded_price_1041_67_to_1083_34_not_1083_33()
    {
        var first = PriceRevisionRule.Revise(1000m, 120m, 125m);

        Assert.Equal(1083.34m, PriceRevisionRule.Revise(first, 125m, 130m)); // 1041.67 × 130 / 125 = 1083.3368
    }

    [Fact]
    public void Preview_revises_the_seats_from_1200_to_1235_44_a_year_12354_40_for_10_and_leaves_services_out()
    {
        var preview = PriceRevisionRule.Preview(PaymentMethod.BankTransfer, [Seats, Onboarding], 287.8m, 296.3m);

        Assert.True(preview.IsAllowed);
        var line = Assert.Single(preview.Lines);
        Assert.Equal(new RevisedLine("Platform — named users", 10, 1200m, 1235.44m), line);
        Assert.Equal((12000m, 12354.40m), (line.PreviousAmount, line.RevisedAmount));
    }

    [Fact]
    public void An_online_order_is_never_revised()
    {
        var preview = PriceRevisionRule.Preview(PaymentMethod.Online, [Seats], 287.8m, 296.3m);

        Assert.False(preview.IsAllowed);
        Assert.Equal("Prices of online orders are not revised (SEO §10.3).", preview.Refusal);
        Assert.Empty(preview.Lines);
    }

    [Theory]
    [InlineData("0", "296.3")]
    [InlineData("287.8", "0")]
    [InlineData("-1", "296.3")]
    public void An_index_of_zero_or_less_is_refused_with_a_message(string previousIndex, string newIndex)
    {
        var preview = PriceRevisionRule.Preview(PaymentMethod.SepaDirectDebit, [Seats], M(previousIndex), M(newIndex));

        Assert.Equal("Enter both Syntec index values: each must be greater than zero.", preview.Refusal);
    }

    [Fact]
    public void For_a_term_from_1_January_2025_with_notice_by_31_October_new_prices_are_announced_by_2_October()
    {
        var initial = new SubscriptionTerm(new DateOnly(2025, 1, 1), 12, 12, 2).Period(0);

        Assert.Equal(new DateOnly(2025, 10, 2), PriceRevisionRule.AnnounceBy(initial)); // 30 days before 1 November
    }
}

/// <summary>Which prices an invoice takes: those in force on the first day of its period.</summary>
public class PriceRevisionLinesOnTests
{
    private static readonly IReadOnlyList<ScheduledLine> Signed =
    [
        new("Subscription", Portal.Domain.Clients.OrderLineKind.Subscription, 1, 9_600m),
        new("Set-up", Portal.Domain.Clients.OrderLineKind.ProfessionalServices, 2, 650m),
    ];

    private static PriceRevision Revision(DateOnly anniversary, decimal previous, decimal next) =>
        new() { Anniversary = anniversary, PreviousIndex = previous, NewIndex = next, AppliedByUserId = "x" };

    [Fact]
    public void Two_revisions_chain_from_the_rounded_price_and_leave_services_alone()
    {
        var revisions = new[] { Revision(new(2027, 7, 1), 296.3m, 305.2m), Revision(new(2026, 7, 1), 290m, 296.3m) };

        var before = PriceRevisionRule.LinesOn(Signed, revisions, new(2026, 6, 30));
        var first = PriceRevisionRule.LinesOn(Signed, revisions, new(2026, 7, 1));
        var second = PriceRevisionRule.LinesOn(Signed, revisions, new(2027, 7, 1));

        Assert.Equal(9_600m, before[0].UnitPriceExclVat);
        Assert.Equal(9_808.55m, first[0].UnitPriceExclVat);   // 9,600 × 296.3 / 290 = 9,808.551…
        Assert.Equal(10_103.17m, second[0].UnitPriceExclVat); // 9,808.55 × 305.2 / 296.3 = 10,103.170…
        Assert.Equal(650m, second[1].UnitPriceExclVat);
        Assert.Equal(305.2m, PriceRevisionRule.IndexInForce(290m, revisions));
        Assert.Equal(290m, PriceRevisionRule.IndexInForce(290m, []));
    }

    [Theory]
    [InlineData(Portal.Domain.Clients.PaymentMethod.Online, false, false, "2027-04-01", "Prices of online orders are not revised (SEO §10.3).")]
    [InlineData(Portal.Domain.Clients.PaymentMethod.BankTransfer, true, false, "2027-04-01", "A free trial has no price to revise.")]
    [InlineData(Portal.Domain.Clients.PaymentMethod.BankTransfer, false, true, "2027-04-01", "Prices are already revised for this anniversary.")]
    [InlineData(Portal.Domain.Clients.PaymentMethod.BankTransfer, false, false, "2027-04-02",
        "Too late for this anniversary: new prices had to be announced by 2027-04-01, 30 days before the notice period opens.")]
    [InlineData(Portal.Domain.Clients.PaymentMethod.SepaDirectDebit, false, false, "2027-04-01", null)]
    public void A_revision_is_refused_for_online_orders_trials_twice_or_too_late(Portal.Domain.Clients.PaymentMethod method, bool trial,
        bool revised, string today, string? why) =>
        Assert.Equal(why, PriceRevisionRule.RefusalFor(method, trial, new(2027, 7, 1), new(2027, 4, 1), DateOnly.Parse(today), revised));
    [Fact]
    public void A_signed_price_in_force_on_a_day_takes_every_revision_whose_anniversary_has_come()
    {
        PriceRevision[] revisions =
        [
            new() { Anniversary = new DateOnly(2027, 1, 1), PreviousIndex = 125m, NewIndex = 130m, AppliedByUserId = "s" },
            new() { Anniversary = new DateOnly(2026, 1, 1), PreviousIndex = 120m, NewIndex = 125m, AppliedByUserId = "s" },
        ];

        Assert.Equal(1000m, PriceRevisionRule.PriceOn(1000m, revisions, new DateOnly(2025, 12, 31)));
        Assert.Equal(1041.67m, PriceRevisionRule.PriceOn(1000m, revisions, new DateOnly(2026, 1, 1)));
        Assert.Equal(1083.34m, PriceRevisionRule.PriceOn(1000m, revisions, new DateOnly(2027, 6, 1)));
    }
}
