namespace Portal.Browser.Tests;

/// <summary>User story: a mistyped address shows a friendly "not found" page.</summary>
[Collection(PortalCollection.Name)]
public sealed class NotFoundTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task Unknown_url_shows_page_not_found()
    {
        await Page.GotoAsync("/no-such-page");

        await Expect(VisibleText("Page not found").First).ToBeVisibleAsync();
    }
}
