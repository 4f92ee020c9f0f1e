namespace Portal.Browser.Tests;

/// <summary>
/// User story (issue #4): a ClientAdmin whose company never accepted the terms is taken to /terms,
/// reads each document, ticks the box and accepts; only then do the other pages open.
/// Initech is used only here, so the other stories keep the demo data as seeded.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TermsFlowTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task A_ClientAdmin_accepts_the_terms_before_anything_else_opens()
    {
        await FillSignInFormAsync("admin@initech.test", DemoPassword);
        await SignInButton.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/terms");

        // Another page: still the terms.
        await Page.GotoAsync("/invoices");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/terms");

        var clickwraps = Page.GetByTestId("clickwrap");
        await Expect(clickwraps.First).ToBeVisibleAsync();

        // Accept without ticking: refused with a message. The page is prerendered, so the first clicks may
        // come before the circuit is connected: click until the page answers.
        var refusal = clickwraps.First.GetByText("Tick the box to confirm you have read the document, then accept.");
        for (var attempt = 0; attempt < 15 && !await refusal.IsVisibleAsync(); attempt++)
        {
            await clickwraps.First.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Page.WaitForTimeoutAsync(500);
        }
        await Expect(refusal).ToBeVisibleAsync();

        // The circuit is live now: a click in the menu never reaches the server's gate, and still ends on the terms.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/terms");
        await Expect(clickwraps.First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invoices" })).ToHaveCountAsync(0);

        // A download is refused with a page that says why and leads back to the terms.
        await Page.GotoAsync("/invoices/all.zip");
        await Expect(Page.GetByTestId("terms-required")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to the contract documents" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/terms");
        await Expect(clickwraps.First).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 15 && !await refusal.IsVisibleAsync(); attempt++)
        {
            await clickwraps.First.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Page.WaitForTimeoutAsync(500);
        }

        // Tick and accept each document that asks for it (the list shrinks as each is accepted).
        for (var remaining = await clickwraps.CountAsync(); remaining > 0; remaining--)
        {
            var first = clickwraps.First;
            await first.GetByRole(AriaRole.Checkbox).CheckAsync();
            await first.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(clickwraps).ToHaveCountAsync(remaining - 1);
        }

        // Accepted: the same click in the live circuit now opens the page.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/invoices");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invoices" })).ToBeVisibleAsync();

        await Page.GotoAsync("/");
        await ExpectDashboardAsync("ClientAdmin");
        await Expect(VisibleText("Initech SARL").First).ToBeVisibleAsync();
    }
}
