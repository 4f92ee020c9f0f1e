using AngleSharp.Dom;
using Bunit;
using Portal.Components.Tests.Infrastructure;
using Portal.Domain.Seats;
using Portal.Domain.Subscription;
using Portal.Web.Features.Dashboard;

namespace Portal.Components.Tests.Features.Dashboard;

public class SubscriptionCardTests : PortalComponentContext
{
    /// <summary>12 months from 1 January 2025, renewed by 12, notice 2 months: deadline 31 October 2025.</summary>
    private static readonly SubscriptionTerm Term = new(new DateOnly(2025, 1, 1), 12, 12, 2);

    private static ClientOverview Overview(ServicePeriod period, DateOnly? trialEndsOn = null, string? partner = null) =>
        new("Client SA", "C-0001", period, 12, trialEndsOn, partner, new SeatCap(10, 4), 0, 0m, 0, 0m, null, []);

    private IRenderedComponent<SubscriptionCard> RenderCard(ClientOverview overview) =>
        Render<SubscriptionCard>(p => p.Add(c => c.Overview, overview));

    private static string Text(IElement element) => element.TextContent.Trim();

    [Fact]
    public void Initial_period_40_days_before_the_31_October_deadline_shows_the_deadline_without_a_warning()
    {
        SetToday(2025, 9, 21);

        var card = RenderCard(Overview(Term.Period(0)));

        Assert.Equal("Initial Service Period", Text(card.Find("h5")));
        Assert.Contains("1 January 2025 to 31 December 2025", card.Markup);
        Assert.Contains("Renews automatically on 1 January 2026", card.Markup);
        var alert = card.Find(".mud-alert");
        Assert.Equal("Non-renewal notice deadline: 31 October 2025 (40 days left).", Text(alert.QuerySelector(".mud-alert-message")!));
        Assert.Contains("mud-alert-text-normal", alert.ClassList);
        Assert.DoesNotContain("mud-alert-text-warning", alert.ClassList);
    }

    [Theory]
    [InlineData(9, 30, 31, "mud-alert-text-normal")]
    [InlineData(10, 1, 30, "mud-alert-text-warning")] // 30 days or fewer: a warning
    [InlineData(10, 21, 10, "mud-alert-text-warning")]
    [InlineData(10, 31, 0, "mud-alert-text-warning")] // the deadline day itself is still on time
    public void The_deadline_alert_turns_to_a_warning_30_days_before_31_October(int month, int day, int daysLeft, string alertClass)
    {
        SetToday(2025, month, day);

        var alert = RenderCard(Overview(Term.Period(0))).Find(".mud-alert");

        Assert.Contains(alertClass, alert.ClassList);
        Assert.Equal($"Non-renewal notice deadline: 31 October 2025 ({daysLeft} days left).", Text(alert.QuerySelector(".mud-alert-message")!));
    }

    [Fact]
    public void On_1_November_after_the_31_October_deadline_the_card_says_the_deadline_passed_and_the_contract_renews()
    {
        SetToday(2025, 11, 1);

        var card = RenderCard(Overview(Term.Period(0)));

        Assert.Equal(
            "The notice deadline of this period passed on 31 October 2025: the contract renews for a further period.",
            Text(card.Find(".mud-alert-message")));
        Assert.DoesNotContain("days left", card.Markup);
    }

    [Fact]
    public void First_extension_shows_Extended_Service_Period_1_and_its_own_dates()
    {
        SetToday(2026, 3, 1);

        var card = RenderCard(Overview(Term.Period(1)));

        Assert.Equal("Extended Service Period 1", Text(card.Find("h5")));
        Assert.Contains("1 January 2026 to 31 December 2026", card.Markup);
        Assert.Contains("Renews automatically on 1 January 2027", card.Markup);
        Assert.Contains("Non-renewal notice deadline: 31 October 2026 (244 days left).", card.Markup);
    }

    [Fact]
    public void Trial_until_15_October_2025_shows_the_trial_end_and_warns_that_its_data_may_be_lost()
    {
        SetToday(2025, 9, 21);

        var card = RenderCard(Overview(Term.Period(0), trialEndsOn: new DateOnly(2025, 10, 15)));

        Assert.Equal("Free trial until 15 October 2025", Text(card.Find("h5")));
        var alert = card.Find(".mud-alert");
        Assert.Contains("mud-alert-text-warning", alert.ClassList);
        Assert.Equal("Data entered during the trial may be deleted when it ends unless you subscribe.", Text(alert.QuerySelector(".mud-alert-message")!));
        Assert.DoesNotContain("Non-renewal notice deadline", card.Markup);
        Assert.DoesNotContain("Renews automatically", card.Markup);
    }

    [Fact]
    public void A_Client_who_bought_through_a_Partner_sees_the_resellers_name()
    {
        SetToday(2025, 9, 21);

        var card = RenderCard(Overview(Term.Period(0), partner: "Acme Cloud Resellers"));

        Assert.Contains("Bought through the reseller Acme Cloud Resellers.", card.Markup);
    }

    [Fact]
    public void A_Client_who_bought_directly_sees_no_reseller()
    {
        SetToday(2025, 9, 21);

        var card = RenderCard(Overview(Term.Period(0)));

        Assert.DoesNotContain("reseller", card.Markup);
    }

    [Fact]
    public void A_trial_bought_through_a_Partner_shows_the_reseller_too()
    {
        SetToday(2025, 9, 21);

        var card = RenderCard(Overview(Term.Period(0), trialEndsOn: new DateOnly(2025, 10, 15), partner: "Acme Cloud Resellers"));

        Assert.Contains("Bought through the reseller Acme Cloud Resellers.", card.Markup);
    }

    [Fact]
    public void Only_a_ClientAdmin_gets_the_link_to_the_subscription_page()
    {
        SetToday(2025, 9, 21);
        Assert.Empty(RenderCard(Overview(Term.Period(0))).FindAll("a[href='/subscription']"));

        Authorization.SetRoles("ClientAdmin");

        Assert.Single(RenderCard(Overview(Term.Period(0))).FindAll("a[href='/subscription']"));
    }
}
