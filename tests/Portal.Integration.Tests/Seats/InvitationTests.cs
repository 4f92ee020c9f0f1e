using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Seats;
using Portal.Web.Features.Seats;

namespace Portal.Integration.Tests.Seats;

/// <summary>Inviting a person, and the one-time link they accept: on a portal of their own (they add Users).</summary>
public sealed class InvitationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public InvitationTests(PortalFactory portal)
    {
        this.portal = portal;
        portal.SetCapAsync("C-0001", 100).GetAwaiter().GetResult(); // room for every invitation of this class
    }

    private static InviteInput Invite(string email) => new() { Email = email, DisplayName = "Zoé Lambert" };

    [Fact]
    public async Task An_invited_person_sets_a_password_once_through_the_link_then_signs_in()
    {
        var sent = await portal.AsAsync("admin@acme.test", s => s.InviteAsync(Invite("zoe.lambert@acme.test"), SeatsTestKit.BaseUrl));
        Assert.True(sent.Succeeded, sent.Error);
        await using (var db = portal.System())
        {
            var mail = await db.OutboxEmails.AsNoTracking().SingleAsync(m => m.ToEmail == "zoe.lambert@acme.test");
            Assert.Equal("Invitation à Portal", mail.Subject); // Acme's language is French
            var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.UserId == db.Users.Single(u => u.Email == "zoe.lambert@acme.test").Id);
            Assert.DoesNotContain(invitation.TokenHash, mail.HtmlBody); // the e-mail holds the token, the database only its hash
        }
        var token = await portal.InvitationTokenAsync("zoe.lambert@acme.test");
        Assert.NotEqual(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(portal.Browser(), "zoe.lambert@acme.test", "anything")).StatusCode);

        var accepted = await SeatsTestKit.AcceptInvitationAsync(portal.Browser(), token, "Zoe-chooses-2026!");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/Account/Login", accepted.Headers.Location?.AbsolutePath);
        var signIn = await PortalFactory.PostSignInAsync(portal.Browser(), "zoe.lambert@acme.test", "Zoe-chooses-2026!");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotEqual("/Account/Login", signIn.Headers.Location?.AbsolutePath);

        var again = WebUtility.HtmlDecode(await portal.Browser().GetStringAsync($"/invitation?token={token}"));
        Assert.Contains("This invitation was already used", again);
        Assert.DoesNotContain("Activate my account", again);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(portal.Browser(), "zoe.lambert@acme.test", "Zoe-chooses-2026!")).StatusCode);
    }

    [Fact]
    public async Task An_expired_a_replaced_and_a_made_up_link_each_say_to_ask_for_a_new_invitation()
    {
        Assert.True((await portal.AsAsync("admin@acme.test", s => s.InviteAsync(Invite("late@acme.test"), SeatsTestKit.BaseUrl))).Succeeded);
        var expiredToken = await portal.InvitationTokenAsync("late@acme.test");
        await using (var db = portal.System())
        {
            var invitation = await db.Invitations.SingleAsync(i => i.TokenHash == Invitation.Hash(expiredToken));
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        var expired = WebUtility.HtmlDecode(await portal.Browser().GetStringAsync($"/invitation?token={expiredToken}"));
        Assert.Contains("This invitation has expired", expired);
        Assert.Contains("Ask your administrator for a new invitation.", expired);
        var post = await SeatsTestKit.AcceptInvitationAsync(portal.Browser(), expiredToken, "Late-password-2026!");
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);

        var late = await portal.UserAsync("late@acme.test");
        Assert.True((await portal.AsAsync("admin@acme.test", s => s.ResendInvitationAsync(late.Id, SeatsTestKit.BaseUrl))).Succeeded);
        var newToken = await portal.InvitationTokenAsync("late@acme.test");
        Assert.NotEqual(expiredToken, newToken);
        Assert.Contains("not valid any more", WebUtility.HtmlDecode(await portal.Browser().GetStringAsync($"/invitation?token={expiredToken}")));
        Assert.Contains("Activate my account", await portal.Browser().GetStringAsync($"/invitation?token={newToken}"));

        Assert.True((await portal.AsAsync("admin@acme.test", s => s.DeactivateAsync(late.Id))).Succeeded); // revoke
        Assert.Contains("not valid any more", WebUtility.HtmlDecode(await portal.Browser().GetStringAsync($"/invitation?token={newToken}")));
        Assert.Contains("not valid any more", WebUtility.HtmlDecode(await portal.Browser().GetStringAsync("/invitation?token=made-up")));
        Assert.Null((await portal.UserAsync("late@acme.test")).PasswordHash);
    }

    [Theory]
    [InlineData("not-an-address", "Enter a valid e-mail address, such as name@company.com.")]
    [InlineData("admin@globex.test", "admin@globex.test already has an account. Each person has one account with one e-mail address.")]
    [InlineData("USER@acme.test", "user@acme.test already has an account. Each person has one account with one e-mail address.")]
    public async Task A_malformed_or_taken_address_is_refused_and_nothing_is_saved(string email, string error)
    {
        var (users, mails) = await CountsAsync();

        var result = await portal.AsAsync("admin@acme.test", s => s.InviteAsync(Invite(email), SeatsTestKit.BaseUrl));

        Assert.Equal(error, result.Error);
        Assert.Equal((users, mails), await CountsAsync());
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_the_link_still_works()
    {
        Assert.True((await portal.AsAsync("admin@acme.test", s => s.InviteAsync(Invite("weak@acme.test"), SeatsTestKit.BaseUrl))).Succeeded);
        var token = await portal.InvitationTokenAsync("weak@acme.test");

        var weak = await SeatsTestKit.AcceptInvitationAsync(portal.Browser(), token, "short");

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Null((await portal.UserAsync("weak@acme.test")).PasswordHash);
        Assert.Contains("Activate my account", await portal.Browser().GetStringAsync($"/invitation?token={token}"));
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_made_a_user_and_nobody_removes_themselves()
    {
        var admin = await portal.UserAsync("admin@initech.test");

        var demote = await portal.AsAsync("admin@initech.test", s => s.ChangeRoleAsync(admin.Id, "ClientUser"));
        var remove = await portal.AsAsync("admin@initech.test", s => s.DeactivateAsync(admin.Id));

        Assert.Equal("This is the last administrator of your company. Make another User an administrator first.", demote.Error);
        Assert.Equal("You cannot remove your own account; ask another administrator.", remove.Error);
        Assert.Null((await portal.UserAsync("admin@initech.test")).DeactivatedAt);
    }

    private async Task<(int Users, int Mails)> CountsAsync()
    {
        await using var db = portal.System();
        return (await db.Users.CountAsync(), await db.OutboxEmails.CountAsync());
    }
}
