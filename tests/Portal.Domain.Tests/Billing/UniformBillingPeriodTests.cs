using Portal.Domain.Billing;
using Portal.Domain.Clients;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §10.2: services ordered together are all billed on the period of the largest amount.</summary>
public class UniformBillingPeriodTests
{
    private static ScheduledLine Subscription(decimal quantity, decimal annualPrice, BillingFrequency? own = null) =>
        new("Licence", OrderLineKind.Subscription, quantity, annualPrice, own);

    private static ScheduledLine Services(decimal quantity, decimal price, BillingFrequency? own = null) =>
        new("Onboarding", OrderLineKind.ProfessionalServices, quantity, price, own);

    [Fact]
    public void Lines_without_their_own_period_follow_the_order_form()
    {
        Assert.Equal(BillingFrequency.Quarterly,
            UniformBillingPeriod.For(BillingFrequency.Quarterly, [Subscription(10, 1200), Subscription(1, 5000)]));
    }

    [Fact]
    public void Monthly_seats_12000_a_year_outweigh_an_annual_module_5000_so_all_is_monthly()
    {
        Assert.Equal(BillingFrequency.Monthly,
            UniformBillingPeriod.For(BillingFrequency.Monthly, [Subscription(10, 1200), Subscription(1, 5000, BillingFrequency.Annual)]));
    }

    [Fact]
    public void An_annual_module_20000_outweighs_quarterly_seats_12000_so_all_is_annual()
    {
        Assert.Equal(BillingFrequency.Annual,
            UniformBillingPeriod.For(BillingFrequency.Quarterly, [Subscription(10, 1200), Subscription(1, 20000, BillingFrequency.Annual)]));
    }

    [Fact]
    public void Lines_of_the_same_period_add_up_two_monthly_3000_make_6000_against_annual_5000()
    {
        Assert.Equal(BillingFrequency.Monthly, UniformBillingPeriod.For(BillingFrequency.Annual,
            [Subscription(1, 3000, BillingFrequency.Monthly), Subscription(1, 3000, BillingFrequency.Monthly), Subscription(1, 5000)]));
    }

    [Theory]
    [InlineData(BillingFrequency.Monthly, BillingFrequency.Quarterly, BillingFrequency.Quarterly)]
    [InlineData(BillingFrequency.Monthly, BillingFrequency.Annual, BillingFrequency.Annual)]
    [InlineData(BillingFrequency.Annual, BillingFrequency.Quarterly, BillingFrequency.Annual)]
    public void On_a_tie_of_6000_each_the_longest_period_wins(BillingFrequency first, BillingFrequency second, BillingFrequency expected)
    {
        Assert.Equal(expected, UniformBillingPeriod.For(first, [Subscription(1, 6000), Subscription(1, 6000, second)]));
    }

    [Fact]
    public void Professional_services_are_not_weighed_an_annual_1000_licence_stays_annual_beside_50000_of_services()
    {
        Assert.Equal(BillingFrequency.Annual,
            UniformBillingPeriod.For(BillingFrequency.Annual, [Subscription(1, 1000), Services(1, 50000, BillingFrequency.Monthly)]));
    }

    [Fact]
    public void Without_any_subscription_the_order_form_period_stands()
    {
        Assert.Equal(BillingFrequency.Monthly, UniformBillingPeriod.For(BillingFrequency.Monthly, [Services(3, 900)]));
        Assert.Equal(BillingFrequency.Monthly, UniformBillingPeriod.For(BillingFrequency.Monthly, []));
    }
}
