namespace Portal.Browser.Tests;

/// <summary>
/// User story (DOMAIN "E-invoicing"): a ClientAdmin opens an invoice and downloads its Factur-X XML for their
/// accounting software; the PDF stays the default download. Screenshots in English and French at 1366 and 390 px when
/// PORTAL_SCREENSHOTS names a folder.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FacturXDownloadTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task A_ClientAdmin_downloads_the_Factur_X_XML_from_the_invoice_page()
    {
        await SignInAsync("admin@acme.test");
        await Page.GotoAsync("/invoices/INV-000002");

        var pdf = Page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" });
        var xml = Page.GetByRole(AriaRole.Link, new() { Name = "Download XML (Factur-X)" });
        await Expect(pdf).ToBeVisibleAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => xml.ClickAsync());
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Equal("INV-000002-factur-x.xml", download.SuggestedFilename);
        Assert.Contains("urn:cen.eu:en16931:2017", text);
        Assert.Contains("<ram:ID>INV-000002</ram:ID>", text);

        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
            foreach (var culture in new[] { "en", "fr" })
            {
                await Page.GotoAsync($"/culture/{culture}?returnUrl=/invoices/INV-000002");
                foreach (var width in new[] { 1366, 390 })
                {
                    await Page.SetViewportSizeAsync(width, 900);
                    await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"invoice-facturx-{culture}-{width}.png"), FullPage = true });
                }
            }
    }
}
