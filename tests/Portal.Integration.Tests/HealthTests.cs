using System.Net;

namespace Portal.Integration.Tests;

[Collection(nameof(PortalCollection))]
public sealed class HealthTests(PortalFactory portal)
{
    [Fact]
    public async Task Health_answers_json_and_checks_the_database()
    {
        var response = await portal.Browser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_shows_the_friendly_404_page()
    {
        var response = await portal.Browser().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}
