using Bunit;
using Portal.Components.Tests.Infrastructure;
using Portal.Domain.Billing;
using Portal.Web.Features.Dashboard;

namespace Portal.Components.Tests.Features.Dashboard;

public class NextInvoiceCardTests : PortalComponentContext
{
    private IRenderedComponent<NextInvoiceCard> RenderCard(NextInvoice next) => Render<NextInvoiceCard>(p => p.Add(c => c.Next, next));

    [Fact]
    public void An_upcoming_invoice_shows_its_amount_excl_VAT_its_date_and_the_charges_it_includes()
    {
        var card = RenderCard(new NextInvoice(
            new UpcomingInvoice(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 1), new DateOnly(2028, 1, 31), 12250m, 250m), null));

        Assert.Equal("€12,250.00 excl. VAT", card.Find("h5").TextContent.Trim());
        Assert.Contains("Issued on 1 February 2027", card.Markup);
        Assert.Contains("For the service period 1 February 2027 to 31 January 2028.", card.Markup);
        Assert.Contains("It includes €250.00 of charges waiting for it", card.Markup);
    }

    [Theory]
    [InlineData(NoNextInvoice.Trial, "A free trial is not invoiced.")]
    [InlineData(NoNextInvoice.FinalInvoiceIssued, "The final invoice of your contract has been issued")]
    [InlineData(NoNextInvoice.ContractEnds, "Your contract ends before another billing period starts")]
    public void No_upcoming_invoice_says_why(NoNextInvoice why, string text)
    {
        var card = RenderCard(new NextInvoice(null, why));

        Assert.Equal("No invoice to come", card.Find("h5").TextContent.Trim());
        Assert.Contains(text, card.Markup);
        Assert.DoesNotContain("excl. VAT", card.Markup);
    }
}
