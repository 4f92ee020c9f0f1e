using Bunit;
using Portal.Components.Tests.Infrastructure;
using Portal.Domain.Seats;
using Portal.Domain.Subscription;
using Portal.Web.Features.Dashboard;

namespace Portal.Components.Tests.Features.Dashboard;

public class InvoicesCardTests : PortalComponentContext
{
    private static readonly ServicePeriod Period = new SubscriptionTerm(new DateOnly(2025, 1, 1), 12, 12, 2).Period(0);

    private static ClientOverview Overview(decimal outstanding, int overdueCount = 0, decimal overdueAmount = 0m, InvoiceDue? nextDue = null) =>
        new("Client SA", "C-0001", Period, 12, null, null, new SeatCap(10, 4), 0, outstanding, overdueCount, overdueAmount, nextDue, []);

    private IRenderedComponent<InvoicesCard> RenderCard(ClientOverview overview) =>
        Render<InvoicesCard>(p => p.Add(c => c.Overview, overview));

    [Fact]
    public void Nothing_outstanding_shows_Nothing_to_pay_and_no_alert()
    {
        var card = RenderCard(Overview(outstanding: 0m));

        Assert.Equal("Nothing to pay", card.Find("h5").TextContent.Trim());
        Assert.Contains("Every invoice issued so far is paid.", card.Markup);
        Assert.Empty(card.FindAll(".mud-alert"));
    }

    [Fact]
    public void Two_overdue_invoices_of_1500_out_of_2160_05_outstanding_show_the_error_alert_with_the_count_and_amount()
    {
        var card = RenderCard(Overview(outstanding: 2160.05m, overdueCount: 2, overdueAmount: 1500m));

        Assert.Equal("€2,160.05 outstanding", card.Find("h5").TextContent.Trim());
        var alert = card.Find(".mud-alert");
        Assert.Contains("mud-alert-text-error", alert.ClassList);
        Assert.Equal(
            "2 overdue invoice(s), €1,500.00: late-payment interest and a 40 € indemnity per invoice apply.",
            alert.QuerySelector(".mud-alert-message")!.TextContent.Trim());
    }

    [Fact]
    public void Outstanding_but_not_overdue_shows_the_next_invoice_due_and_no_alert()
    {
        var card = RenderCard(Overview(outstanding: 660.05m, nextDue: new InvoiceDue("F-2026-0003", new DateOnly(2026, 2, 14), 660.05m)));

        Assert.Equal("€660.05 outstanding", card.Find("h5").TextContent.Trim());
        Assert.Contains("Next due: F-2026-0003, €660.05 on 14 February 2026.", card.Markup);
        Assert.Empty(card.FindAll(".mud-alert"));
    }
}
