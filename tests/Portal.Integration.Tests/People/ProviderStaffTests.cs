using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.People;
using Portal.Web.Data;
using Portal.Web.Features.People;
using Portal.Integration.Tests.Seats;

namespace Portal.Integration.Tests.People;

/// <summary>Issue 15 §3: a ProviderAdmin invites staff, changes roles and deactivates them; the last ProviderAdmin stays.</summary>
public sealed class ProviderStaffTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Owner = "owner@provider.test";

    [Fact]
    public async Task An_invited_staff_member_chooses_a_password_with_the_one_time_link_and_signs_in_with_the_role()
    {
        var result = await AsAsync(Owner, s => s.InviteAsync(new StaffInvite { Email = " Nadia.Support@Provider.test ", DisplayName = "Nadia Roux", Role = Role.Support }, SeatsTestKit.BaseUrl));

        Assert.True(result.Succeeded, result.Error);
        var user = await portal.UserAsync("nadia.support@provider.test");
        Assert.Null(user.PasswordHash);
        Assert.Equal(StaffStatus.Invited, (await ListAsync()).Single(m => m.Id == user.Id).Status);
        var code = await LinkCodeAsync("nadia.support@provider.test");

        var browser = portal.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await ResetPasswordAsync(browser, code, "nadia.support@provider.test")).StatusCode);
        var signIn = await PortalFactory.PostSignInAsync(portal.Browser(), "nadia.support@provider.test");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var member = (await ListAsync()).Single(m => m.Id == user.Id);
        Assert.Equal(StaffStatus.Active, member.Status);
        Assert.Equal(Role.Support, member.Role);
        Assert.NotNull(member.LastSignInAt);
        // The link works once: its token is bound to the security stamp the new password changed.
        var again = await ResetPasswordAsync(portal.Browser(), code, "nadia.support@provider.test", "Another-password-2026!");
        Assert.DoesNotContain("ResetPasswordConfirmation", again.Headers.Location?.OriginalString ?? "");
        await using var db = portal.System();
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityId == user.Id).ToListAsync(), e => e.Action == "PortalUser.Added" && e.ActorEmail == Owner);
    }

    [Theory]
    [InlineData("not-an-address", "Ada", "Support", "Enter a valid e-mail address, such as name@company.com.")]
    [InlineData("am@provider.test", "Camille", "Support", "am@provider.test already has an account. Each person has one account with one e-mail address.")]
    [InlineData("new.person@provider.test", "", "Support", "Enter a name.")]
    [InlineData("new.person@provider.test", "Ada", "ClientAdmin", "Choose a role: Account Manager, Support or Provider administrator.")]
    public async Task A_refused_invitation_says_why_and_creates_nobody(string email, string name, string role, string message)
    {
        var before = await CountUsersAsync();
        var result = await AsAsync(Owner, s => s.InviteAsync(new StaffInvite { Email = email, DisplayName = name, Role = role }, SeatsTestKit.BaseUrl));
        Assert.Equal(message, result.Error);
        Assert.Equal(before, await CountUsersAsync());
    }

    [Theory]
    [InlineData("am@provider.test")]
    [InlineData("support@provider.test")]
    public async Task Only_a_ProviderAdmin_manages_staff(string email)
    {
        var result = await AsAsync(email, s => s.InviteAsync(new StaffInvite { Email = "x.y@provider.test", DisplayName = "X", Role = Role.Support }, SeatsTestKit.BaseUrl));
        Assert.Equal("Only Provider administrators can manage staff.", result.Error);
        var ownerId = (await portal.UserAsync(Owner)).Id;
        Assert.Equal("Only Provider administrators can manage staff.", (await AsAsync(email, s => s.ChangeRoleAsync(ownerId, Role.Support))).Error);
        Assert.Empty(await AsAsync(email, s => s.ListAsync()));

        var browser = await PortalFactory.SignedInAsync(portal, email);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/staff/people")).StatusCode);
    }

    [Fact]
    public async Task The_only_ProviderAdmin_can_be_neither_demoted_nor_deactivated()
    {
        var owner = await portal.UserAsync(Owner);
        Assert.Equal(ProviderAdmins.LastAdminMessage, (await AsAsync(Owner, s => s.ChangeRoleAsync(owner.Id, Role.Support))).Error);
        Assert.Equal("You cannot deactivate your own account; ask another Provider administrator.", (await AsAsync(Owner, s => s.DeactivateAsync(owner.Id))).Error);
        Assert.Contains(await ListAsync(), m => m.Id == owner.Id && m.Role == Role.ProviderAdmin && m.Status == StaffStatus.Active);
    }

    [Fact]
    public async Task Two_ProviderAdmins_demoting_each_other_at_once_leave_exactly_one()
    {
        var second = await ActiveStaffAsync("second.admin@provider.test", Role.ProviderAdmin);
        var owner = await portal.UserAsync(Owner);

        // Both signed in as ProviderAdmins before either acts, as two open browsers would be.
        await using var ownerScope = await portal.ScopeAsAsync(Owner);
        await using var secondScope = await portal.ScopeAsAsync("second.admin@provider.test");
        var results = await Task.WhenAll(
            Task.Run(() => ownerScope.ServiceProvider.GetRequiredService<ProviderStaff>().ChangeRoleAsync(second, Role.AccountManager)),
            Task.Run(() => secondScope.ServiceProvider.GetRequiredService<ProviderStaff>().ChangeRoleAsync(owner.Id, Role.AccountManager)));

        Assert.Single(results, r => r.Succeeded);
        // Either may win the race: read who is left as the one still allowed to list staff.
        var asOwner = await AsAsync(Owner, s => s.ListAsync());
        var list = asOwner.Count > 0 ? asOwner : await AsAsync("second.admin@provider.test", s => s.ListAsync());
        var left = Assert.Single(list, m => m.Role == Role.ProviderAdmin && m.Status == StaffStatus.Active);
        // Put the Provider back as it was for the other tests: whichever is left promotes the other.
        var other = left.Id == owner.Id ? second : owner.Id;
        Assert.True((await AsAsync(left.Email, s => s.ChangeRoleAsync(other, Role.ProviderAdmin))).Succeeded);
        Assert.True((await AsAsync(Owner, s => s.DeactivateAsync(second))).Succeeded);
    }

    [Fact]
    public async Task A_deactivated_staff_member_is_signed_out_on_the_next_request_and_cannot_sign_in_again()
    {
        var id = await ActiveStaffAsync("leaving.am@provider.test", Role.AccountManager);
        var browser = await PortalFactory.SignedInAsync(portal, "leaving.am@provider.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/clients")).StatusCode);

        var result = await AsAsync(Owner, s => s.DeactivateAsync(id));

        Assert.True(result.Succeeded, result.Error);
        var next = await browser.GetAsync("/staff/clients");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(portal.Browser(), "leaving.am@provider.test")).StatusCode);
        Assert.Equal(StaffStatus.Deactivated, (await ListAsync()).Single(m => m.Id == id).Status);
        await using var db = portal.System();
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityId == id && e.Action == "PortalUser.Modified").ToListAsync(),
            e => e.ActorEmail == Owner && e.After!.Contains("DeactivatedAt"));
    }

    [Fact]
    public async Task A_role_change_takes_effect_at_the_next_request()
    {
        var id = await ActiveStaffAsync("support.to.am@provider.test", Role.Support);
        var browser = await PortalFactory.SignedInAsync(portal, "support.to.am@provider.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/audit")).StatusCode);

        Assert.True((await AsAsync(Owner, s => s.ChangeRoleAsync(id, Role.AccountManager))).Succeeded);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/staff/audit")).StatusCode);
        Assert.Equal(Role.AccountManager, (await ListAsync()).Single(m => m.Id == id).Role);
    }

    [Fact]
    public async Task A_resent_invitation_voids_the_previous_link()
    {
        await AsAsync(Owner, s => s.InviteAsync(new StaffInvite { Email = "resent@provider.test", DisplayName = "Re Sent", Role = Role.AccountManager }, SeatsTestKit.BaseUrl));
        var first = await LinkCodeAsync("resent@provider.test");
        var id = (await portal.UserAsync("resent@provider.test")).Id;

        Assert.True((await AsAsync(Owner, s => s.ResendInvitationAsync(id, SeatsTestKit.BaseUrl))).Succeeded);

        var old = await ResetPasswordAsync(portal.Browser(), first, "resent@provider.test");
        Assert.DoesNotContain("ResetPasswordConfirmation", old.Headers.Location?.OriginalString ?? "");
        Assert.Null((await portal.UserAsync("resent@provider.test")).PasswordHash);
        var fresh = await ResetPasswordAsync(portal.Browser(), await LinkCodeAsync("resent@provider.test"), "resent@provider.test");
        Assert.Contains("ResetPasswordConfirmation", fresh.Headers.Location!.OriginalString);
    }

    private async Task<T> AsAsync<T>(string email, Func<ProviderStaff, Task<T>> action)
    {
        await using var scope = await portal.ScopeAsAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<ProviderStaff>());
    }

    private Task<IReadOnlyList<StaffMember>> ListAsync() => AsAsync(Owner, s => s.ListAsync());

    private async Task<int> CountUsersAsync()
    {
        await using var db = portal.System();
        return await db.Users.IgnoreQueryFilters().CountAsync();
    }

    /// <summary>Invites and gives a password, as if the person had used the link.</summary>
    private async Task<string> ActiveStaffAsync(string email, string role)
    {
        var result = await AsAsync(Owner, s => s.InviteAsync(new StaffInvite { Email = email, DisplayName = email, Role = role }, SeatsTestKit.BaseUrl));
        Assert.True(result.Succeeded, result.Error);
        await portal.GivePasswordAsync(email);
        return (await portal.UserAsync(email)).Id;
    }

    private async Task<string> LinkCodeAsync(string email)
    {
        await using var db = portal.System();
        var mail = await db.OutboxEmails.AsNoTracking().Where(m => m.ToEmail == email && m.Reason!.StartsWith("StaffInvitation:"))
            .OrderByDescending(m => m.Id).FirstAsync();
        return Regex.Match(mail.HtmlBody, "ResetPassword\\?code=([A-Za-z0-9_-]+)").Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> ResetPasswordAsync(HttpClient browser, string code, string email, string password = PortalFactory.Password)
    {
        var url = $"/Account/ResetPassword?code={code}";
        var page = await browser.GetStringAsync(url);
        var fields = Regex.Matches(page, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Regex.Match(m.Value, "name=\"([^\"]*)\"").Groups[1].Value, Value: Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value))
            .Where(f => f.Name.Length > 0).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        fields["Input.ConfirmPassword"] = password;
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
