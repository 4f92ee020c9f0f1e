using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Subsidiaries;
using Portal.Integration.Tests.Seats;
using Portal.Web.Features.Seats;
using Portal.Web.Features.Subsidiaries;

namespace Portal.Integration.Tests.Subsidiaries;

/// <summary>Declaring, confirming and ending Subsidiaries, on a portal of their own.</summary>
public sealed class SubsidiaryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Ending_a_Subsidiary_deactivates_its_Users_at_once_blocks_their_sign_in_and_keeps_why_and_when()
    {
        await portal.GivePasswordAsync("ines.faure@acme-logistique.test");
        var ines = await PortalFactory.SignedInAsync(portal, "ines.faure@acme-logistique.test");
        Assert.Equal(HttpStatusCode.OK, (await ines.GetAsync("/terms")).StatusCode);
        var logistique = await SubsidiaryAsync("Acme Logistique SAS");

        var ended = await AsAsync("admin@acme.test", s => s.EndAsync(logistique.Id, SubsidiaryEndReason.Sold, "Sold to Transports Duval"));

        Assert.True(ended.Succeeded, ended.Error);
        Assert.Equal("Acme Logistique SAS ended; its 2 User(s) lost access.", ended.Message);
        await using (var db = portal.System())
        {
            var members = await db.Users.Where(u => u.SubsidiaryId == logistique.Id).ToListAsync();
            var after = await db.Subsidiaries.SingleAsync(s => s.Id == logistique.Id);
            Assert.Equal(2, members.Count);
            Assert.All(members, m => Assert.Equal(after.EndedAt, m.DeactivatedAt)); // the same step
            Assert.Equal(SubsidiaryEndReason.Sold, after.EndReason);
            Assert.Equal("Sold to Transports Duval", after.EndNote);
            Assert.Equal((await portal.UserAsync("admin@acme.test")).Id, after.EndedByUserId);
            Assert.True(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityId == logistique.Id.ToString()));
        }
        var next = await ines.GetAsync("/terms");
        Assert.Equal("/Account/Login", next.Headers.Location?.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(portal.Browser(), "ines.faure@acme-logistique.test")).StatusCode);

        // Its people cannot come back through it.
        var tom = await portal.UserAsync("tom.girard@acme-logistique.test");
        var back = await portal.AsAsync("admin@acme.test", s => s.ReactivateAsync(tom.Id, SeatsTestKit.BaseUrl));
        Assert.StartsWith("This Subsidiary has ended", back.Error);
    }

    [Theory]
    [InlineData(49.99, "Under 50 % of the voting securities, the entity is not a Subsidiary: its people cannot use your seats.")]
    [InlineData(100.5, "A control percentage is between 0 and 100 %.")]
    [InlineData(-3, "A control percentage is between 0 and 100 %.")]
    public async Task Control_under_50_or_outside_0_to_100_is_refused_with_the_reason_and_nothing_is_saved(double percent, string error)
    {
        var before = await CountAsync();

        var result = await AsAsync("admin@globex.test", s => s.AddAsync(New("Globex Minority AG", (decimal)percent)));

        Assert.Equal(error, result.Error);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task People_join_a_new_Subsidiary_only_after_the_Agreement_notice_is_confirmed()
    {
        Assert.True((await AsAsync("admin@globex.test", s => s.AddAsync(New("Globex Austria GmbH", 51m)))).Succeeded);
        var austria = await SubsidiaryAsync("Globex Austria GmbH");
        await portal.SetCapAsync("C-0002", 50);
        var invite = new InviteInput { Email = "lena@globex-austria.test", DisplayName = "Lena Huber", SubsidiaryId = austria.Id };

        var refused = await portal.AsAsync("admin@globex.test", s => s.InviteAsync(invite, SeatsTestKit.BaseUrl));
        Assert.Equal("First confirm that this Subsidiary was told the contents of the Agreement.", refused.Error);

        Assert.True((await AsAsync("admin@globex.test", s => s.ConfirmAgreementNotifiedAsync(austria.Id))).Succeeded);
        var confirmed = await SubsidiaryAsync("Globex Austria GmbH");
        Assert.Equal((await portal.UserAsync("admin@globex.test")).Id, confirmed.AgreementNotifiedByUserId);
        Assert.NotNull(confirmed.AgreementNotifiedAt);
        var accepted = await portal.AsAsync("admin@globex.test", s => s.InviteAsync(invite, SeatsTestKit.BaseUrl));
        Assert.True(accepted.Succeeded, accepted.Error);
        Assert.Equal(austria.Id, (await portal.UserAsync("lena@globex-austria.test")).SubsidiaryId);
    }

    [Fact]
    public async Task Only_staff_looking_after_the_Client_flag_a_competitor()
    {
        var services = await SubsidiaryAsync("Acme Services Belgique SRL");

        var byAdmin = await AsAsync("admin@acme.test", s => s.EndAsync(services.Id, SubsidiaryEndReason.Competitor, null));
        var byOtherClient = await AsAsync("admin@globex.test", s => s.EndAsync(services.Id, SubsidiaryEndReason.Sold, null));
        var staffForControl = await AsAsync("am@provider.test", s => s.EndAsync(services.Id, SubsidiaryEndReason.Sold, null));

        Assert.Equal("Only the Provider decides that an entity competes with it.", byAdmin.Error);
        Assert.Equal("This Subsidiary does not exist.", byOtherClient.Error);
        Assert.Equal("Only the Client's administrators end a Subsidiary for control or a sale.", staffForControl.Error);
        Assert.True((await SubsidiaryAsync("Acme Services Belgique SRL")).IsActive);

        var flagged = await AsAsync("am@provider.test", s => s.EndAsync(services.Id, SubsidiaryEndReason.Competitor, "Launched a rival product"));
        Assert.True(flagged.Succeeded, flagged.Error);
        Assert.Equal(SubsidiaryEndReason.Competitor, (await SubsidiaryAsync("Acme Services Belgique SRL")).EndReason);
        Assert.NotNull((await portal.UserAsync("nora.blanc@acme-services.test")).DeactivatedAt);
    }

    [Fact]
    public async Task A_Client_lists_only_its_own_Subsidiaries()
    {
        var globex = await AsAsync("admin@globex.test", s => s.ListAsync());
        var acme = await AsAsync("admin@acme.test", s => s.ListAsync());

        Assert.DoesNotContain(globex, r => r.LegalName.StartsWith("Acme"));
        Assert.All(acme, r => Assert.Equal("Acme Industries SA", r.Client));
        Assert.Contains(acme, r => r.EndReason == SubsidiaryEndReason.Sold && r.EndedAt is not null); // the demo's sold one, with its history
    }

    private static NewSubsidiary New(string name, decimal percent) =>
        new() { LegalName = name, Country = "AT", ControlPercent = percent, RegistrationNumber = "FN 123456a" };

    private async Task<T> AsAsync<T>(string email, Func<SubsidiaryService, Task<T>> action)
    {
        await using var scope = await portal.ScopeAsAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<SubsidiaryService>());
    }

    private async Task<Subsidiary> SubsidiaryAsync(string name)
    {
        await using var db = portal.System();
        return await db.Subsidiaries.AsNoTracking().SingleAsync(s => s.LegalName == name);
    }

    private async Task<int> CountAsync()
    {
        await using var db = portal.System();
        return await db.Subsidiaries.CountAsync();
    }
}
