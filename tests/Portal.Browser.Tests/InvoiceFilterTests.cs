using System.Text.RegularExpressions;

namespace Portal.Browser.Tests;

/// <summary>User stories on /invoices: a ClientAdmin narrows the list to paid invoices, and names a billing contact then removes it.</summary>
[Collection(PortalCollection.Name)]
public sealed class InvoiceFilterTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    /// <summary>Opens the status filter; the page is prerendered, so the first clicks may come before the circuit is live.</summary>
    private async Task OpenStatusFilterAsync()
    {
        var option = Page.GetByRole(AriaRole.Option, new() { Name = "Paid", Exact = true });
        for (var attempt = 0; attempt < 15 && !await option.IsVisibleAsync(); attempt++)
        {
            await Page.Locator(".mud-select").First.ClickAsync();
            await Page.WaitForTimeoutAsync(500);
        }
        await Expect(option).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Choosing_Paid_keeps_the_paid_invoice_and_puts_the_filter_in_the_address()
    {
        await SignInAsync("admin@acme.test");
        await Page.GotoAsync("/invoices");

        await OpenStatusFilterAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Paid", Exact = true }).ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/invoices\?status=paid$"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "INV-000001", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "INV-000002", Exact = true })).ToHaveCountAsync(0);
        await Expect(VisibleText("Outstanding in this view")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "INV-000002", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_billing_contact_is_added_then_removed_after_confirmation()
    {
        await SignInAsync("admin@globex.test");
        await Page.GotoAsync("/invoices");
        await OpenStatusFilterAsync(); // the circuit is live: what is typed now reaches the form
        await Page.Keyboard.PressAsync("Escape");

        var contacts = Page.GetByTestId("billing-contacts");
        await contacts.GetByLabel("E-mail").FillAsync("ap-browser@globex.test");
        await contacts.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(contacts.GetByText("ap-browser@globex.test will receive your next invoices.")).ToBeVisibleAsync();
        await Expect(contacts.GetByRole(AriaRole.Cell, new() { Name = "ap-browser@globex.test", Exact = true })).ToBeVisibleAsync();

        await contacts.GetByRole(AriaRole.Button, new() { Name = "Remove ap-browser@globex.test" }).ClickAsync();
        await Expect(Page.GetByText("Remove ap-browser@globex.test?")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();

        await Expect(contacts.GetByText("ap-browser@globex.test no longer receives your invoices.")).ToBeVisibleAsync();
        await Expect(contacts.GetByRole(AriaRole.Cell, new() { Name = "ap-browser@globex.test", Exact = true })).ToHaveCountAsync(0);
    }
}
