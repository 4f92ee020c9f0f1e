using System.Net;

namespace Portal.Integration.Tests.Terms.Staff.Documents;

[Collection(nameof(PortalCollection))]
public sealed class DocumentsPageTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/staff/documents")]
    [InlineData("/staff/documents/new?type=TechnicalPrerequisites")]
    [InlineData("/staff/documents/compare?type=GeneralTermsAndConditions")]
    public async Task A_ProviderAdmin_opens_the_document_pages(string page)
    {
        var owner = await PortalFactory.SignedInAsync(portal, "owner@provider.test");

        var response = await owner.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_register_lists_every_type_in_order_of_precedence_with_its_versions()
    {
        var owner = await PortalFactory.SignedInAsync(portal, "owner@provider.test");

        var html = await owner.GetStringAsync("/staff/documents");

        string[] types = ["Order Form", "Terms of SaaS Service", "Acceptable Use Policy", "Technical Prerequisites",
            "Personal Data Protection Policy", "General Terms and Conditions", "Commercial Proposal"];
        var positions = types.Select(t => html.IndexOf($". {t}</h2>", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("2026_11", html);
        Assert.Contains("href=\"/staff/documents/new?type=TechnicalPrerequisites\"", html);
    }

    [Theory]
    [InlineData("admin@acme.test", "/staff/documents")]
    [InlineData("support@provider.test", "/staff/documents")]
    [InlineData("am@provider.test", "/staff/documents/new")]
    [InlineData("support@provider.test", "/staff/documents/compare")]
    public async Task Anyone_else_is_denied(string email, string page)
    {
        var client = await PortalFactory.SignedInAsync(portal, email);

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString());
    }
}
