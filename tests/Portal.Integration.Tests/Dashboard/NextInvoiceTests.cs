using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Billing;
using Portal.Web.Data;
using Portal.Web.Features.Dashboard;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Dashboard;

/// <summary>The ClientAdmin dashboard's "Next invoice", from each demo Client's own order form.</summary>
[Collection(nameof(PortalCollection))]
public sealed class NextInvoiceTests(PortalFactory portal)
{
    private async Task<NextInvoice?> NextInvoiceOfAsync(string email)
    {
        await using var scope = await portal.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<DashboardService>().NextInvoiceAsync();
    }

    private async Task<DateOnly> EffectiveDateOfAsync(string client)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.OrderForms.Where(f => db.Clients.Any(c => c.Id == f.ClientId && c.LegalName == client))
            .Select(f => f.EffectiveDate).SingleAsync();
    }

    [Fact]
    public async Task Acme_annual_12000_excl_VAT_is_next_invoiced_on_its_second_anniversary()
    {
        var effective = await EffectiveDateOfAsync("Acme Industries SA"); // 16 months ago

        var next = await NextInvoiceOfAsync("admin@acme.test");

        Assert.Equal(new UpcomingInvoice(effective.AddYears(2), effective.AddYears(2), effective.AddYears(3).AddDays(-1), 12000m, 0m), next!.Invoice);
    }

    [Fact]
    public async Task Globex_monthly_6000_a_year_is_next_invoiced_500_on_the_first_of_next_month()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var firstOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);

        var next = await NextInvoiceOfAsync("admin@globex.test");

        Assert.Equal((firstOfNextMonth, 500m), (next!.Invoice!.IssueOn, next.Invoice.AmountExclVat));
    }

    [Fact]
    public async Task Initech_on_a_free_trial_has_none_because_a_trial_is_not_invoiced()
    {
        var next = await NextInvoiceOfAsync("admin@initech.test");

        Assert.Equal(new NextInvoice(null, NoNextInvoice.Trial), next);
    }

    [Fact]
    public async Task The_card_sits_on_the_ClientAdmins_dashboard_but_not_on_a_ClientUsers()
    {
        var next = (await NextInvoiceOfAsync("admin@acme.test"))!.Invoice!;
        var admin = WebUtility.HtmlDecode(await (await PortalFactory.SignedInAsync(portal, "admin@acme.test")).GetStringAsync("/"));
        var user = WebUtility.HtmlDecode(await (await PortalFactory.SignedInAsync(portal, "user@acme.test")).GetStringAsync("/"));

        Assert.Contains("Next invoice", admin);
        Assert.Contains("Issued on " + Culture.Date(next.IssueOn, System.Globalization.CultureInfo.GetCultureInfo("en")), admin);
        Assert.DoesNotContain("Next invoice", user);
    }
}
