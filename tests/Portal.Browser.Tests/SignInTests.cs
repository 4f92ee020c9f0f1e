using System.Text.RegularExpressions;

namespace Portal.Browser.Tests;

/// <summary>User story: every kind of user signs in with e-mail and password and lands on their dashboard.</summary>
[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : PortalPageTest(server, browser, output)
{
    public static TheoryData<string, string, string?> DemoAccounts => new()
    {
        { "admin@acme.test", "ClientAdmin", "Acme Industries SA" },
        { "user@acme.test", "ClientUser", null },
        { "admin@globex.test", "ClientAdmin", "Globex GmbH" },
        { "am@provider.test", "AccountManager", null },
        { "support@provider.test", "Support", null },
        { "owner@provider.test", "ProviderAdmin", null },
    };

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Demo_account_lands_on_its_role_dashboard(string email, string role, string? clientName)
    {
        await SignInAsync(email);

        await ExpectDashboardAsync(role);
        if (clientName is not null)
            await Expect(VisibleText(clientName).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_stays_on_the_login_page()
    {
        await FillSignInFormAsync("admin@acme.test", "not-the-password-1!");
        await SignInButton.ClickAsync();

        await Expect(VisibleText(new Regex("invalid", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync();
        Assert.Equal("/account/login", CurrentPath.TrimEnd('/').ToLowerInvariant());
        await Expect(Dashboard).ToHaveCountAsync(0);
    }
}
