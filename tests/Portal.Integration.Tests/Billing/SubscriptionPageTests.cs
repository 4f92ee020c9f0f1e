using System.Net;

namespace Portal.Integration.Tests.Billing;

/// <summary>The /subscription page on the shared demo portal: these tests only read.</summary>
[Collection(nameof(PortalCollection))]
public sealed class SubscriptionPageTests(PortalFactory portal)
{
    [Fact]
    public async Task A_ClientAdmin_sees_where_the_contract_stands()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var response = await acme.GetAsync("/subscription");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Extended Service Period 1", html);
        Assert.Contains("Initial Service Period", html);
        Assert.Contains("Extended Service Period 2", html);
        Assert.Contains("OF-2025-014", html);
        Assert.Contains("Non-renewal notice deadline", html);
        Assert.Contains("No price revision yet", html);
        Assert.DoesNotContain("data-testid=\"mandate-missing\"", html);
    }

    [Fact]
    public async Task A_ClientUser_is_sent_to_access_denied()
    {
        var user = await PortalFactory.SignedInAsync(portal, "user@acme.test");

        var response = await user.GetAsync("/subscription");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Globex_billed_monthly_with_a_mandate_sees_it_masked_and_no_missing_mandate_warning()
    {
        var globex = await PortalFactory.SignedInAsync(portal, "admin@globex.test");

        var html = WebUtility.HtmlDecode(await (await globex.GetAsync("/subscription")).Content.ReadAsStringAsync());

        Assert.Contains("Initial Service Period", html);
        Assert.Contains("data-testid=\"mandate-active\"", html);
        Assert.Contains("DE89 •••• •••• •••• ••30 00", html);
        Assert.DoesNotContain("DE89370400440532013000", html);
        Assert.DoesNotContain("data-testid=\"mandate-missing\"", html);
    }

    [Fact]
    public async Task A_trial_shows_its_end_with_the_data_loss_warning_and_the_Partner()
    {
        // Initech has not accepted its terms yet (the gate): read the overview through the service instead.
        await using var scope = await portal.ScopeAsAsync("admin@initech.test");
        var overview = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Portal.Web.Features.Billing.SubscriptionOverviewService>(scope.ServiceProvider).GetAsync();

        Assert.NotNull(overview);
        Assert.NotNull(overview.TrialEndsOn);
        Assert.Equal("Cloudivia Distribution", overview.PartnerName);
        Assert.False(overview.MandateMissing);
    }
}
