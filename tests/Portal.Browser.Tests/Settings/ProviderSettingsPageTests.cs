namespace Portal.Browser.Tests.Settings;

/// <summary>User story: the ProviderAdmin opens the Provider settings, in English and French, wide and narrow.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProviderSettingsPageTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task The_settings_page_shows_every_section_in_both_languages_at_both_widths()
    {
        await SignInAsync("owner@provider.test");
        await ExpectDashboardAsync();
        var folder = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS");
        foreach (var (culture, heading, section) in new[] { ("en", "Provider settings", "Legal identity"), ("fr", "Paramètres du Fournisseur", "Identité juridique") })
        {
            await Page.GotoAsync($"/culture/{culture}?returnUrl=%2Fstaff%2Fsettings");
            foreach (var width in new[] { 1366, 390 })
            {
                await Page.SetViewportSizeAsync(width, 900);
                await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
                await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = section })).ToBeVisibleAsync();
                await Expect(Page.GetByTestId("settings-save")).ToBeVisibleAsync();
                if (folder is { Length: > 0 })
                    await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"settings-{culture}-{width}.png"), FullPage = true });
            }
        }
    }
}
