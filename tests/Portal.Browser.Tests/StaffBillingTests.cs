using System.Text.RegularExpressions;

namespace Portal.Browser.Tests;

/// <summary>User story: an AccountManager corrects an issued invoice of an assigned Client with a credit note.</summary>
[Collection(PortalCollection.Name)]
public sealed class StaffBillingTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task An_account_manager_credits_one_seat_of_an_invoice_and_lands_on_the_credit_note()
    {
        await SignInAsync("am@provider.test");
        await Page.GotoAsync("/staff/invoices/INV-000001");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Invoice INV-000001" })).ToBeVisibleAsync();

        // Typing and clicking before the prerendered page's circuit is live are lost: repeat until the confirmation opens.
        var dialog = Page.GetByRole(AriaRole.Dialog);
        for (var attempt = 0; attempt < 10 && !await dialog.IsVisibleAsync(); attempt++)
        {
            await Page.GetByLabel("Quantity to credit on line 2").FillAsync("1");
            await Page.GetByLabel("Quantity to credit on line 2").BlurAsync();
            try { await Page.GetByRole(AriaRole.Button, new() { Name = "Issue credit note" }).ClickAsync(new() { Timeout = 2000 }); }
            catch (TimeoutException) { }
            await Page.WaitForTimeoutAsync(500);
        }
        await Expect(dialog).ToContainTextAsync("A credit note of €240.00 excl. VAT on INV-000001");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Issue credit note" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Credit note INV-\d{6}$") })).ToBeVisibleAsync();
        Assert.Matches(@"/staff/invoices/INV-\d{6}$", Page.Url);
        Assert.DoesNotMatch("INV-000001$", Page.Url);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "INV-000001" })).ToBeVisibleAsync();
    }
}
