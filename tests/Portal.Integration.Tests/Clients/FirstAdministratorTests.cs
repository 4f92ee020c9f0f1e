using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Web.Data;
using Portal.Web.Features.Clients;
using Portal.Web.Features.Seats;
using Portal.Integration.Tests.Seats;

namespace Portal.Integration.Tests.Clients;

/// <summary>Issue 15 §4: staff invite a new Client's first administrator with the /seats invitation commands.</summary>
public sealed class FirstAdministratorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NotAllowed =
        "Only Provider administrators and the Client's Account Managers can invite its administrators, and never while acting for a Client.";

    [Fact]
    public async Task A_ProviderAdmin_invites_the_first_administrator_of_a_new_Client_in_the_Clients_language()
    {
        var number = await CreateAsync("owner@provider.test", "Cyberdyne SA", "fr");
        var clientId = await ClientIdAsync(number);

        var result = await SeatsAsync("owner@provider.test", s => s.InviteAdministratorAsync(clientId, "dsi@cyberdyne.test", "Sarah Connor", SeatsTestKit.BaseUrl));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.System();
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == "dsi@cyberdyne.test");
        Assert.Equal(clientId, user.ClientId);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role.ClientAdmin)));
        var mail = await db.OutboxEmails.Where(m => m.ToEmail == "dsi@cyberdyne.test").SingleAsync();
        Assert.StartsWith("Invitation à", mail.Subject);
        Assert.Contains("Cyberdyne SA", mail.HtmlBody);
        Assert.Contains("Dominique Bernard", mail.HtmlBody); // the inviting ProviderAdmin is named
        var admins = await SeatsAsync("owner@provider.test", s => s.AdministratorsAsync(clientId));
        Assert.True(admins.MayInvite);
        Assert.Equal(UserStatus.Invited, Assert.Single(admins.Admins).Status);

        // The person accepts it like any invitation and becomes an active administrator.
        var accepted = await SeatsTestKit.AcceptInvitationAsync(portal.Browser(), await portal.InvitationTokenAsync("dsi@cyberdyne.test"), PortalFactory.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(UserStatus.Active, Assert.Single((await SeatsAsync("owner@provider.test", s => s.AdministratorsAsync(clientId))).Admins).Status);
    }

    [Fact]
    public async Task An_assigned_AccountManager_may_invite_an_unassigned_one_and_anyone_impersonating_may_not()
    {
        var acme = await ClientIdAsync("C-0001");   // assigned to am@provider.test
        var globex = await ClientIdAsync("C-0002"); // not assigned to them

        Assert.Equal(NotAllowed, (await SeatsAsync("am@provider.test", s => s.InviteAdministratorAsync(globex, "it@globex.test", null, SeatsTestKit.BaseUrl))).Error);
        Assert.Equal(NotAllowed, (await SeatsAsync("support@provider.test", s => s.InviteAdministratorAsync(acme, "it2@acme.test", null, SeatsTestKit.BaseUrl))).Error);
        Assert.Equal(NotAllowed, (await SeatsAsync("admin@acme.test", s => s.InviteAdministratorAsync(acme, "it3@acme.test", null, SeatsTestKit.BaseUrl), impersonatedBy: "am@provider.test")).Error);
        Assert.False((await SeatsAsync("am@provider.test", s => s.AdministratorsAsync(globex))).MayInvite);
        await using (var db = portal.System())
            Assert.False(await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == "it@globex.test" || u.Email == "it2@acme.test" || u.Email == "it3@acme.test"));

        await portal.SetCapAsync("C-0001", 20);
        var allowed = await SeatsAsync("am@provider.test", s => s.InviteAdministratorAsync(acme, "it.lead@acme.test", "IT Lead", SeatsTestKit.BaseUrl));
        Assert.True(allowed.Succeeded, allowed.Error);
        await using var check = portal.System();
        Assert.Contains(await check.AuditEntries.Where(e => e.Action == "Invitation.Added" && e.ClientId == acme).ToListAsync(), e => e.ActorEmail == "am@provider.test");
    }

    [Fact]
    public async Task Staff_resend_and_revoke_a_first_administrators_invitation_as_on_the_seats_page()
    {
        var clientId = await ClientIdAsync(await CreateAsync("owner@provider.test", "Tyrell Corp", "en"));
        await SeatsAsync("owner@provider.test", s => s.InviteAdministratorAsync(clientId, "eldon@tyrell.test", null, SeatsTestKit.BaseUrl));
        var first = await portal.InvitationTokenAsync("eldon@tyrell.test");
        var userId = (await portal.UserAsync("eldon@tyrell.test")).Id;

        Assert.True((await SeatsAsync("owner@provider.test", s => s.ResendInvitationAsync(clientId, userId, SeatsTestKit.BaseUrl))).Succeeded);
        var second = await portal.InvitationTokenAsync("eldon@tyrell.test");
        Assert.NotEqual(first, second);
        Assert.True((await SeatsAsync("owner@provider.test", s => s.RevokeInvitationAsync(clientId, userId))).Succeeded);

        await using var db = portal.System();
        Assert.All(await db.Invitations.IgnoreQueryFilters().Where(i => i.UserId == userId).ToListAsync(), i => Assert.False(i.IsOpen));
        Assert.NotNull((await portal.UserAsync("eldon@tyrell.test")).DeactivatedAt);
        Assert.Empty((await SeatsAsync("owner@provider.test", s => s.AdministratorsAsync(clientId))).Admins);
    }

    [Theory]
    [InlineData("not an address", "Enter a valid e-mail address, such as name@company.com.")]
    [InlineData("admin@acme.test", "This address already has an account. Each person has one account with one e-mail address.")]
    public async Task The_New_Client_form_refuses_a_bad_administrator_address_and_saves_nothing(string email, string message)
    {
        await using var db0 = portal.System();
        var before = await db0.Clients.IgnoreQueryFilters().CountAsync();
        await using var scope = await portal.ScopeAsAsync("owner@provider.test");
        var result = await scope.ServiceProvider.GetRequiredService<ClientDirectory>().CreateAsync(NewClient("Wayne Enterprises", "en"), NewForm(), email);

        Assert.Null(result.Number);
        Assert.Contains(result.Problems, p => p.Field == ClientDirectory.AdministratorEmailField && p.Message == message);
        await using var db = portal.System();
        Assert.Equal(before, await db.Clients.IgnoreQueryFilters().CountAsync());
    }

    private async Task<string> CreateAsync(string staff, string name, string culture)
    {
        await using var scope = await portal.ScopeAsAsync(staff);
        var result = await scope.ServiceProvider.GetRequiredService<ClientDirectory>().CreateAsync(NewClient(name, culture), NewForm());
        Assert.Empty(result.Problems);
        return result.Number!;
    }

    private async Task<T> SeatsAsync<T>(string email, Func<SeatService, Task<T>> action, string? impersonatedBy = null) =>
        await portal.AsAsync(email, action, impersonatedBy);

    private async Task<Guid> ClientIdAsync(string number)
    {
        await using var db = portal.System();
        return await db.Clients.IgnoreQueryFilters().Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    private static Client NewClient(string name, string culture) => new()
    {
        Number = "", LegalName = name, Country = "FR", Culture = culture, Address = new PostalAddress("1 rue de la Paix", null, "75002", "Paris", "FR"),
    };

    private static OrderForm NewForm() => new()
    {
        Reference = "OF-2026-200", SignedOn = new DateOnly(2026, 11, 20), EffectiveDate = new DateOnly(2026, 12, 1), SeatCap = 5,
        Lines = [new OrderLine { Description = "Portal subscription", Quantity = 1, UnitPriceExclVat = 6000 }],
    };
}
