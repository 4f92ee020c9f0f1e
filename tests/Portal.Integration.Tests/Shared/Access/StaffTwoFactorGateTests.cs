using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Shared.Access;

/// <summary>DOMAIN "The Provider and its staff": with the setting on, staff without two-factor reach no staff page or endpoint.</summary>
public sealed class StaffTwoFactorGateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task With_the_setting_on_staff_without_two_factor_are_sent_to_set_it_up_and_endpoints_refuse()
    {
        await RequireAsync(true);
        try
        {
            var staff = await PortalFactory.SignedInAsync(portal, "am@provider.test");
            foreach (var page in new[] { "/", "/staff/clients", "/staff/invoices" })
            {
                var response = await staff.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/Account/Manage/EnableAuthenticator?required=staff", response.Headers.Location!.OriginalString);
            }
            // With a valid antiforgery token (the account pages stay open), so the gate is what refuses the post.
            var token = PortalFactory.TokenOf(await staff.GetStringAsync("/Account/Manage"));
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/staff/clients", new FormUrlEncodedContent(token))).StatusCode);

            // The set-up page itself opens, and says why.
            var setUp = await staff.GetAsync("/Account/Manage/EnableAuthenticator?required=staff");
            Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
            Assert.Contains("requires two-factor authentication for its staff", await setUp.Content.ReadAsStringAsync());

            // A Client's people are not concerned.
            var client = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
            Assert.NotEqual(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            await RequireAsync(false);
        }
    }

    [Fact]
    public async Task With_the_setting_off_as_in_the_demo_data_staff_sign_in_with_their_password_alone()
    {
        await using (var db = portal.OpenAs(Actor.System))
            Assert.False(await db.ProviderProfiles.Select(p => p.RequireStaffTwoFactor).SingleAsync());
        var staff = await PortalFactory.SignedInAsync(portal, "owner@provider.test");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/staff/clients")).StatusCode);
    }

    private async Task RequireAsync(bool required)
    {
        await using var db = portal.OpenAs(Actor.System);
        await db.ProviderProfiles.ExecuteUpdateAsync(s => s.SetProperty(p => p.RequireStaffTwoFactor, required));
    }
}
