using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Portal.Browser.Tests;

/// <summary>User story: the portal is usable with assistive technology (axe-core finds nothing serious).</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    [Fact]
    public async Task Login_page_has_no_serious_accessibility_violations()
    {
        await Page.GotoAsync("/Account/Login");
        await Expect(SignInButton).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync("/Account/Login");
    }

    [Fact]
    public async Task Client_admin_dashboard_has_no_serious_accessibility_violations()
    {
        await SignInAsync("admin@acme.test");
        await ExpectDashboardAsync();

        await AssertNoSeriousViolationsAsync("ClientAdmin dashboard");
    }

    [Theory]
    [InlineData("admin@acme.test", "/terms")]
    [InlineData("admin@acme.test", "/invoices")]
    [InlineData("admin@acme.test", "/subscription")]
    [InlineData("admin@globex.test", "/subscription")]
    [InlineData("admin@globex.test", "/termination")]
    [InlineData("owner@provider.test", "/staff/notices")]
    [InlineData("admin@acme.test", "/Account/Manage/TwoFactorAuthentication")]
    [InlineData("support@provider.test", "/staff/acceptances")]
    [InlineData("owner@provider.test", "/staff/documents")]
    [InlineData("owner@provider.test", "/staff/documents/new?type=AcceptableUsePolicy")]
    [InlineData("am@provider.test", "/")]
    public async Task Each_page_has_no_serious_accessibility_violations(string email, string path)
    {
        await SignInAsync(email);
        await Page.GotoAsync(path);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(Page.Locator("h1").First).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(path);
    }

    async Task AssertNoSeriousViolationsAsync(string what)
    {
        AxeResult result = await Page.RunAxe();

        foreach (var v in result.Violations)
            Output.WriteLine($"axe {v.Impact}: {v.Id} - {v.Help}");

        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .ToList();
        Assert.True(serious.Count == 0,
            $"{what}: {serious.Count} serious/critical accessibility violation(s):\n" +
            string.Join("\n", serious.Select(Describe)));
    }

    static string Describe(AxeResultItem v) =>
        $"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})\n" +
        string.Join("\n", v.Nodes.Select(n => $"    at {n.Target}: {n.Html}"));
}
