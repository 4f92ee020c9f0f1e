using System.Text.RegularExpressions;

namespace Portal.Browser.Tests.Seats;

/// <summary>
/// User stories (issue #6): a ClientAdmin invites a person, who accepts in their own browser and signs in; a
/// ClientAdmin at the cap is refused and offered extra seats with their price. Acme's invitation takes one of its
/// two free seats; Globex is filled to its cap here, and no other story adds Users to it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SeatsFlowTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task An_invited_person_accepts_in_another_browser_and_signs_in()
    {
        await SignInAsync("admin@acme.test");
        await Page.GotoAsync("/seats");
        await Expect(Page.GetByTestId("seat-usage")).ToContainTextAsync("8 of 10 seats used");

        await InviteAsync("nina.fabre@acme.test", "Nina Fabre");
        await Expect(VisibleText("Invitation sent to nina.fabre@acme.test.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("seat-usage")).ToContainTextAsync("9 of 10 seats used");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nina Fabre" }).GetByTestId("user-status")).ToHaveTextAsync("Invited");
        var link = await InvitationLinkAsync("nina.fabre@acme.test");

        // The invited person, in a browser of their own.
        var invited = await BrowserFixture.NewContextAsync(Server.BaseUrl);
        try
        {
            var page = await invited.NewPageAsync();
            await page.GotoAsync(link);
            await Expect(page.GetByText("Welcome, Nina Fabre")).ToBeVisibleAsync();
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Nina-chooses-2026!");
            await page.GetByLabel("Confirm the new password").FillAsync("Nina-chooses-2026!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Activate my account" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/Login");
            await Expect(page.GetByText("Your account is active")).ToBeVisibleAsync();

            await page.GetByLabel(EmailLabel).FillAsync("nina.fabre@acme.test");
            await page.GetByLabel(PasswordLabel).FillAsync("Nina-chooses-2026!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            await Expect(page.GetByTestId("dashboard")).ToHaveAttributeAsync("data-role", "ClientUser");

            // The link worked once.
            await page.GotoAsync(link);
            await Expect(page.GetByTestId("invitation-problem")).ToContainTextAsync("already used");
        }
        finally
        {
            await invited.CloseAsync();
        }

        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nina Fabre" }).GetByTestId("user-status")).ToHaveTextAsync("Active");
    }

    [Fact]
    public async Task At_the_cap_the_invitation_is_refused_and_extra_seats_are_offered_with_their_price()
    {
        await SignInAsync("admin@globex.test");
        await Page.GotoAsync("/seats");
        await Expect(Page.GetByTestId("seat-usage")).ToContainTextAsync("2 of 5 seats used");
        for (var i = 1; i <= 3; i++)
        {
            await InviteAsync($"tester{i}@globex.test", $"Tester {i}");
            await Expect(VisibleText($"Invitation sent to tester{i}@globex.test.")).ToBeVisibleAsync();
        }
        await Expect(Page.GetByTestId("seat-usage")).ToContainTextAsync("5 of 5 seats used");
        await Expect(Page.GetByTestId("cap-offer")).ToContainTextAsync(new Regex(@"An extra seat costs €[\d,.]+ excl\. VAT"));

        await InviteAsync("one.too.many@globex.test", "One Too Many");
        await Expect(Page.GetByTestId("invite-error")).ToContainTextAsync("All 5 seats of your order form are taken.");
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Request more seats" }).ClickAsync();

        var quote = Page.GetByTestId("seat-quote");
        await Expect(quote).ToContainTextAsync("Annual price of a seat");
        await Expect(quote).ToContainTextAsync("€300.00");
        await Field(Page, "extra-seats").FillAsync("2");
        await Expect(quote).ToContainTextAsync("Total excl. VAT");
        await Page.GetByTestId("request-send").ClickAsync();
        await Expect(VisibleText("Your request for 2 more seat(s) was sent to your account manager.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("pending-request")).ToContainTextAsync("You asked for 2 more seat(s)");
    }

    /// <summary>Opens the invitation dialog (clicking until the circuit is live), fills it in and sends it.</summary>
    private async Task InviteAsync(string email, string name)
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        for (var attempt = 0; attempt < 20 && await dialog.CountAsync() == 0; attempt++)
        {
            await Page.GetByTestId("invite-open").ClickAsync();
            try { await dialog.First.WaitForAsync(new() { Timeout = 5000 }); }
            catch (TimeoutException) { /* the circuit was not live yet: click again */ }
        }
        await Expect(dialog).ToHaveCountAsync(1);
        await Field(dialog.Last, "invite-email").FillAsync(email);
        await Field(dialog.Last, "invite-name").FillAsync(name);
        await dialog.Last.GetByTestId("invite-send").ClickAsync();
    }

    /// <summary>The invitation link of the e-mail the portal dropped in its pickup folder for <paramref name="email"/>.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            foreach (var file in Directory.EnumerateFiles(Server.MailFolder, "*.eml"))
            {
                var raw = await File.ReadAllTextAsync(file);
                if (!raw.Contains(email, StringComparison.OrdinalIgnoreCase)) continue;
                // Quoted-printable: join soft line breaks and decode the "=" of the query string.
                var text = raw.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
                var match = Regex.Match(text, @"https?://[^""'\s<>]+/invitation\?token=[A-Za-z0-9_-]+");
                if (match.Success) return match.Value;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"No invitation e-mail to {email} in {Server.MailFolder}.");
    }

    /// <summary>A MudBlazor text field by its test id, which MudBlazor puts on the input itself.</summary>
    private static ILocator Field(IPage page, string testId) => Field(page.Locator(":root"), testId);

    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;
}
