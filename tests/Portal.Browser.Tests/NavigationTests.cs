namespace Portal.Browser.Tests;

/// <summary>User story: people only see the navigation their role may use.</summary>
[Collection(PortalCollection.Name)]
public sealed class NavigationTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task Client_user_sees_no_staff_navigation()
    {
        await SignInAsync("user@acme.test");
        await ExpectDashboardAsync("ClientUser");

        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true })).ToHaveCountAsync(0);
        // Absolute ("/staff/...") and base-relative ("staff/...") links alike.
        await Expect(Page.Locator("a[href^='/staff' i], a[href^='staff' i]")).ToHaveCountAsync(0);
    }
}
