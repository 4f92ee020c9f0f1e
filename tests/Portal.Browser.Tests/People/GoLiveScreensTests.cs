using Microsoft.Playwright;
using Portal.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Browser.Tests.People;

/// <summary>
/// Issue 15 §3–5 in the browser: the ProviderAdmin's staff page and the New Client form with its administrator and
/// signed-PDF fields render and work at desktop and phone width, in English and French (screenshots with PORTAL_SCREENSHOTS).
/// </summary>
public sealed class GoLiveScreensTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Theory]
    [InlineData("en", 1366, "Staff", "Last sign-in", "Invite an administrator")]
    [InlineData("fr", 390, "Équipe", "Dernière connexion", "Inviter un administrateur")]
    [InlineData("en", 390, "Staff", "Last sign-in", "Invite an administrator")]
    [InlineData("fr", 1366, "Équipe", "Dernière connexion", "Inviter un administrateur")]
    public async Task The_staff_page_and_the_New_Client_form_show_the_go_live_fields(string culture, int width, string title, string lastSignIn, string invite)
    {
        await Page.SetViewportSizeAsync(width, 900);
        await SignInAsync("owner@provider.test");
        await Page.GotoAsync($"/culture/{culture}?returnUrl=/staff/people");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        var table = Page.GetByTestId("staff-table");
        await Assertions.Expect(table).ToContainTextAsync("owner@provider.test");
        await Assertions.Expect(table).ToContainTextAsync("am@provider.test");
        if (width > 600) await Assertions.Expect(table.GetByText(lastSignIn)).ToBeVisibleAsync();
        await ShotAsync($"staff-people-{culture}-{width}");

        await Page.GotoAsync("/staff/clients/new");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = invite })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("admin-email")).ToBeVisibleAsync();
        await ShotAsync($"new-client-{culture}-{width}");
    }

    private async Task ShotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"golive-{name}.png"), FullPage = true });
    }
}
