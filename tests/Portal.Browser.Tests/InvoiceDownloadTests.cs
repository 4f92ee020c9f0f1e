namespace Portal.Browser.Tests;

/// <summary>User story: a ClientAdmin downloads an invoice as PDF from the invoice list, and all of them as a zip.</summary>
[Collection(PortalCollection.Name)]
public sealed class InvoiceDownloadTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task A_ClientAdmin_downloads_the_first_invoice_of_the_list_as_a_PDF()
    {
        await SignInAsync("admin@acme.test");
        await Page.GotoAsync("/invoices");

        // The links carry an Href: they work even when clicked before the prerendered page's circuit connects.
        var link = Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Download INV-\d+ as PDF$") }).First;
        var label = await link.GetAttributeAsync("aria-label");
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);

        var number = label!["Download ".Length..^" as PDF".Length];
        Assert.Equal($"{number}.pdf", download.SuggestedFilename);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes[..5]));
    }

    [Fact]
    public async Task A_ClientAdmin_downloads_every_invoice_as_a_zip()
    {
        await SignInAsync("admin@acme.test");
        await Page.GotoAsync("/invoices");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download all (zip)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal("invoices-C-0001.zip", download.SuggestedFilename);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes[..2]));
    }

    [Fact]
    public async Task The_invoice_page_offers_its_PDF()
    {
        await SignInAsync("admin@acme.test");
        await Page.GotoAsync("/invoices/INV-000002");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal("INV-000002.pdf", download.SuggestedFilename);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes[..5]));
    }
}
