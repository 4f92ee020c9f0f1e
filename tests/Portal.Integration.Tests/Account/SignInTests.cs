using System.Net;

namespace Portal.Integration.Tests.Account;

[Collection(nameof(PortalCollection))]
public sealed class SignInTests(PortalFactory portal)
{
    [Theory]
    [InlineData("admin@acme.test", "ClientAdmin", "Acme Industries SA")]
    [InlineData("user@acme.test", "ClientUser", "Acme Industries SA")]
    [InlineData("admin@globex.test", "ClientAdmin", "Globex GmbH")]
    [InlineData("am@provider.test", "AccountManager", "Your Clients")]
    [InlineData("support@provider.test", "Support", "Acceptance records")]
    [InlineData("owner@provider.test", "ProviderAdmin", "All Clients")]
    public async Task Each_demo_account_lands_on_the_dashboard_of_its_role(string email, string role, string expected)
    {
        var client = await PortalFactory.SignedInAsync(portal, email);

        var dashboard = await client.GetStringAsync("/");

        Assert.Contains($"data-role=\"{role}\"", dashboard);
        Assert.Contains(expected, dashboard);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        var response = await PortalFactory.PostSignInAsync(portal.Browser(), "support@provider.test", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid sign-in", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_fifth_wrong_password_locks_the_account_even_against_the_right_one()
    {
        var client = portal.Browser();
        const string email = "admin@initech.test";
        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await PortalFactory.PostSignInAsync(client, email, "wrong")).StatusCode);

        var fifth = await PortalFactory.PostSignInAsync(client, email, "wrong");
        var rightPasswordAfterwards = await PortalFactory.PostSignInAsync(client, email);

        Assert.Equal("/Account/Lockout", fifth.Headers.Location?.AbsolutePath);
        Assert.Equal("/Account/Lockout", rightPasswordAfterwards.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_the_sign_in_page()
    {
        var response = await portal.Browser().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        await using (var db = portal.OpenAs(Portal.Web.Data.Actor.System))
        {
            var user = db.Users.Single(u => u.Email == "owner@provider.test");
            user.DeactivatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        try
        {
            var response = await PortalFactory.PostSignInAsync(portal.Browser(), "owner@provider.test");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect into the portal
            Assert.Contains("Invalid sign-in", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await using var db = portal.OpenAs(Portal.Web.Data.Actor.System);
            db.Users.Single(u => u.Email == "owner@provider.test").DeactivatedAt = null;
            await db.SaveChangesAsync();
        }
    }
}
