using System.Net;

namespace Portal.Integration.Tests.Shared;

[Collection(nameof(PortalCollection))]
public sealed class RoleTests(PortalFactory portal)
{
    [Theory]
    [InlineData("user@acme.test")]
    [InlineData("support@provider.test")]
    [InlineData("am@provider.test")]
    public async Task Only_ClientAdmins_open_the_invoices(string email)
    {
        var client = await PortalFactory.SignedInAsync(portal, email);

        var response = await client.GetAsync("/invoices");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_nav_shows_a_ClientUser_no_invoices_and_no_staff_pages()
    {
        var client = await PortalFactory.SignedInAsync(portal, "user@acme.test");

        var page = await client.GetStringAsync("/");

        Assert.DoesNotContain("href=\"/invoices\"", page);
        Assert.DoesNotContain("href=\"/staff", page);
    }

    [Fact]
    public async Task The_nav_shows_a_ClientAdmin_the_invoices()
    {
        var client = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        Assert.Contains("href=\"/invoices\"", await client.GetStringAsync("/"));
    }
}
