using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.Browser.Tests.Infrastructure;

/// <summary>
/// Base class of the browser tests: a new browser context (fresh cookies) and page per test,
/// plus the helpers the user stories share.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract class PortalPageTest : IAsyncLifetime
{
    /// <summary>The password of every demo account seeded with Portal__SeedDemoData=true.</summary>
    public const string DemoPassword = "Portal-demo-2026!";

    const float DefaultTimeoutMs = 15_000;

    protected PortalPageTest(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    {
        Server = server;
        BrowserFixture = browser;
        Output = output;
    }

    protected PortalServer Server { get; }
    protected BrowserFixture BrowserFixture { get; }
    protected ITestOutputHelper Output { get; }
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Context = await BrowserFixture.NewContextAsync(Server.BaseUrl);
        Context.SetDefaultTimeout(DefaultTimeoutMs);
        Context.SetDefaultNavigationTimeout(30_000);
        Page = await Context.NewPageAsync();
        // Browser-side errors end up in the test's output, which helps when a test fails.
        Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                Log($"[browser {message.Type}] {message.Text}");
        };
        Page.PageError += (_, error) => Log($"[page error] {error}");
    }

    public virtual async Task DisposeAsync()
    {
        if (Context is not null)
            await Context.CloseAsync();
    }

    void Log(string line)
    {
        try { Output.WriteLine(line); }
        catch (InvalidOperationException) { /* the test has already finished */ }
    }

    /// <summary>The accessible name of the e-mail field (a trailing "*" of a required field is allowed).</summary>
    protected static readonly Regex EmailLabel = new(@"^\s*Email\s*\*?\s*$", RegexOptions.IgnoreCase);

    /// <summary>The accessible name of the password field (not "Show password" and the like).</summary>
    protected static readonly Regex PasswordLabel = new(@"^\s*Password\s*\*?\s*$", RegexOptions.IgnoreCase);

    /// <summary>Opens /Account/Login and fills in the form; does not submit it.</summary>
    protected async Task FillSignInFormAsync(string email, string password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel(EmailLabel).FillAsync(email);
        await Page.GetByLabel(PasswordLabel).FillAsync(password);
    }

    protected ILocator SignInButton =>
        Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    /// <summary>Signs in with a demo account through the real form and waits for the landing page "/".</summary>
    protected async Task SignInAsync(string email, string password = DemoPassword)
    {
        await FillSignInFormAsync(email, password);
        await SignInButton.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    /// <summary>The path of the page's current URL, e.g. "/Account/Login".</summary>
    protected string CurrentPath => new Uri(Page.Url).AbsolutePath;

    /// <summary>The dashboard root the app renders on "/" for a signed-in user.</summary>
    protected ILocator Dashboard => Page.GetByTestId("dashboard");

    /// <summary>Waits for the dashboard of "/" and, when given, checks its data-role.</summary>
    protected async Task ExpectDashboardAsync(string? role = null)
    {
        await Expect(Dashboard).ToBeAttachedAsync();
        if (role is not null)
            await Expect(Dashboard).ToHaveAttributeAsync("data-role", role);
    }

    /// <summary>Elements showing <paramref name="text"/> that a person can actually see.</summary>
    protected ILocator VisibleText(string text) =>
        Page.GetByText(text).Filter(new() { Visible = true });

    protected ILocator VisibleText(Regex text) =>
        Page.GetByText(text).Filter(new() { Visible = true });
}
