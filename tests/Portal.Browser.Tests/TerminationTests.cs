namespace Portal.Browser.Tests;

/// <summary>
/// User story (issue #7): a ClientAdmin sees what a non-renewal would do, files it by typing the company's name, downloads
/// the notice PDF, and downloads all the company's data. Globex is used, so Acme's pages keep the demo data as seeded.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TerminationTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task A_ClientAdmin_files_a_non_renewal_downloads_its_PDF_and_exports_the_data()
    {
        await SignInAsync("admin@globex.test");
        await Page.GotoAsync("/termination");

        // Before filing: the effective date and the money still owed.
        await Expect(Page.GetByTestId("effective-on")).ToContainTextAsync("Last day of service:");
        await Expect(Page.GetByTestId("owed-total")).ToBeVisibleAsync();

        // The page is prerendered: click Continue until the circuit answers with the confirmation panel.
        var confirm = Page.GetByTestId("confirm-panel");
        for (var attempt = 0; attempt < 15 && !await confirm.IsVisibleAsync(); attempt++)
        {
            await Page.GetByTestId("continue").ClickAsync();
            await Page.WaitForTimeoutAsync(500);
        }
        await Expect(confirm).ToContainTextAsync("Globex GmbH");
        var file = Page.GetByTestId("file");
        await Expect(file).ToBeDisabledAsync();
        await Page.GetByLabel("Company name").FillAsync("Globex GmbH");
        await Expect(file).ToBeEnabledAsync();
        await file.ClickAsync();

        var notices = Page.GetByTestId("notices");
        await Expect(notices).ToContainTextAsync("Non-renewal");
        await Expect(notices).ToContainTextAsync("Filed");

        var pdf = await Page.RunAndWaitForDownloadAsync(() => notices.GetByTestId("notice-pdf").First.ClickAsync());
        var pdfBytes = await File.ReadAllBytesAsync((await pdf.PathAsync())!);
        Assert.StartsWith("TN-", pdf.SuggestedFilename);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdfBytes[..5]));

        // Filing queued an export; the background job builds it while the page shows its progress.
        var download = Page.GetByTestId("export-download");
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var zip = await Page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        var zipBytes = await File.ReadAllBytesAsync((await zip.PathAsync())!);
        Assert.StartsWith("data-C-0002-", zip.SuggestedFilename);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(zipBytes[..2]));
    }
}
