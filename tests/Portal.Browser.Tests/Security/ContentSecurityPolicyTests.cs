namespace Portal.Browser.Tests.Security;

/// <summary>
/// The Content-Security-Policy is strict (no inline script without the request's nonce, no eval, no other origin):
/// the portal's own pages, Blazor's circuit and MudBlazor must work under it without a single violation.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ContentSecurityPolicyTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    readonly List<string> violations = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Both what the console says and the DOM's own violation events (an init script is not subject to the CSP).
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        await Context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
    }

    [Theory]
    [InlineData("admin@acme.test", new[] { "/", "/invoices", "/seats", "/terms", "/subscription", "/termination" })]
    [InlineData("support@provider.test", new[] { "/", "/staff/audit", "/staff/acceptances" })]
    [InlineData("owner@provider.test", new[] { "/staff/clients", "/staff/invoices", "/staff/documents/new?type=AcceptableUsePolicy" })]
    public async Task Pages_work_under_the_policy_with_no_violation(string email, string[] paths)
    {
        await Page.GotoAsync("/Account/Login");
        await CollectViolationsAsync("/Account/Login");
        await SignInAsync(email);

        foreach (var path in paths)
        {
            // The circuit's WebSocket to /_blazor is what connect-src must allow: wait until it is open.
            await Page.RunAndWaitForWebSocketAsync(() => Page.GotoAsync(path),
                new() { Predicate = ws => ws.Url.Contains("/_blazor") });
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(Page.Locator("h1").First).ToBeVisibleAsync();
            await CollectViolationsAsync(path);
        }

        Assert.True(violations.Count == 0, "Content Security Policy violations:\n" + string.Join("\n", violations));
    }

    async Task CollectViolationsAsync(string path)
    {
        var found = await Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        violations.AddRange(found.Select(v => $"{path}: {v}"));
    }
}
