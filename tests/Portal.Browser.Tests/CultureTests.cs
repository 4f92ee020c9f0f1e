using System.Text.RegularExpressions;

namespace Portal.Browser.Tests;

/// <summary>User story: a signed-in person switches the portal's language.</summary>
[Collection(PortalCollection.Name)]
public sealed class CultureTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task Choosing_French_reloads_the_page_in_French()
    {
        await SignInAsync("admin@acme.test");
        await ExpectDashboardAsync();
        await Expect(Page.Locator("html")).Not.ToHaveAttributeAsync("lang", new Regex("^fr", RegexOptions.IgnoreCase));

        var french = Page.GetByRole(AriaRole.Menuitem, new() { Name = "Français" })
            .Or(Page.GetByText("Français", new() { Exact = true }))
            .Filter(new() { Visible = true })
            .First;
        await OpenLanguageMenuAsync(french);
        await french.ClickAsync();

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^fr(-[A-Za-z]+)?$"));
    }

    /// <summary>
    /// Clicks the "Language" menu button until the item shows: a click that lands before the
    /// Blazor circuit is connected is not handled, so one retry is normal right after a page load.
    /// </summary>
    async Task OpenLanguageMenuAsync(ILocator item)
    {
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Language", Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await item.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 8)
            {
                // not interactive yet, or the menu closed again: try once more
            }
        }
    }
}
