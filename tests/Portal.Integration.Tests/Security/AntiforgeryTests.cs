using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Integration.Tests.Security;

/// <summary>
/// ASVS 4.2.2: every POST endpoint of the app (taken from its own EndpointDataSource: pages, sign-out, the end of an
/// impersonation) refuses a POST without an antiforgery token with 400, signed in or not.
/// </summary>
[Collection(nameof(PortalCollection))]
public sealed class AntiforgeryTests(PortalFactory portal)
{
    [Fact]
    public async Task Every_POST_endpoint_refuses_a_post_without_an_antiforgery_token_with_400()
    {
        var routes = PostRoutes();
        Assert.Contains("/staff/impersonation/stop", routes);
        Assert.Contains("/Account/Logout", routes);
        Assert.Contains("/Account/Login", routes);

        var failures = new List<string>();
        foreach (var browser in new[] { portal.Browser(), await PortalFactory.SignedInAsync(portal, "am@provider.test") })
        foreach (var route in routes)
        {
            var url = Url(route);
            var response = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"POST {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} POSTs without a token were not refused:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_refusal_says_what_to_do_in_the_readers_language()
    {
        var browser = await PortalFactory.SignedInAsync(portal, "am@provider.test");
        var response = await browser.PostAsync("/staff/impersonation/stop", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reload the page", await response.Content.ReadAsStringAsync());
        response = await browser.PostAsync("/staff/impersonation/stop?culture=fr", new FormUrlEncodedContent([]));
        Assert.Contains("rechargez la page", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Against a test that passes because every POST fails: the same posts with the page's token go through.</summary>
    [Fact]
    public async Task A_post_with_its_token_is_not_refused()
    {
        var browser = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        var fields = PortalFactory.TokenOf(await browser.GetStringAsync("/Account/Manage"));
        Assert.NotEqual("", fields["__RequestVerificationToken"]);
        var response = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private List<string> PostRoutes() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("POST"))
            .Select(e => e.RoutePattern.RawText!)
            // Blazor's circuit transport (the SignalR hub and its disconnect beacon) posts no form.
            .Where(raw => !raw.StartsWith("/_blazor") && !raw.StartsWith("_blazor"))
            .Distinct().Order().ToList();

    /// <summary>A value each parameter's constraint accepts, so the post reaches the endpoint.</summary>
    private static string Url(string route) =>
        Regex.Replace(route.StartsWith('/') ? route : "/" + route, @"\{([^}]+)\}", m =>
            m.Groups[1].Value.Contains(":guid") ? Guid.NewGuid().ToString()
            : m.Groups[1].Value.Contains(":long") || m.Groups[1].Value.Contains(":int") ? "1"
            : m.Groups[1].Value.Contains(":file") ? "x.txt" : "x");
}
