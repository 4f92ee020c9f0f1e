using Microsoft.EntityFrameworkCore;
using Portal.Domain.People;
using Portal.Web.Features.Seats;

namespace Portal.Integration.Tests.Seats;

/// <summary>DOMAIN "Seats": two admins taking the last seat at the same moment, exactly one succeeds.</summary>
public sealed class SeatCapRaceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_admins_inviting_at_once_for_the_last_seat_exactly_one_succeeds_every_time()
    {
        // Globex gets a second administrator, then, round after round, one free seat that both try to take.
        var mia = await portal.UserAsync("mia.schulz@globex.test");
        Assert.True((await portal.AsAsync("admin@globex.test", s => s.ChangeRoleAsync(mia.Id, Role.ClientAdmin))).Succeeded);
        await portal.GivePasswordAsync("mia.schulz@globex.test");

        for (var round = 0; round < 12; round++)
        {
            var cap = await FreeOneSeatAsync();
            var start = new TaskCompletionSource();
            Task<SeatResult> Invite(string admin, string who) => Task.Run(async () =>
            {
                await start.Task;
                return await portal.AsAsync(admin, s => s.InviteAsync(
                    new InviteInput { Email = $"{who}.{round}@globex.test", DisplayName = $"{who} {round}" }, SeatsTestKit.BaseUrl));
            });
            var first = Invite("admin@globex.test", "first");
            var second = Invite("mia.schulz@globex.test", "second");
            start.SetResult();
            var results = await Task.WhenAll(first, second);

            Assert.Single(results, r => r.Succeeded);
            var refused = Assert.Single(results, r => !r.Succeeded);
            Assert.True(refused.CapReached, refused.Error);
            Assert.Equal(cap, await SeatsUsedAsync());
        }
    }

    [Fact]
    public async Task Reactivating_and_adding_a_service_account_respect_the_cap_too()
    {
        var cap = await FreeOneSeatAsync();
        var owner = await portal.UserAsync("admin@globex.test");
        var added = await portal.AsAsync("admin@globex.test", s => s.AddServiceAccountAsync(
            new ServiceAccountInput { Name = "Backup robot", Purpose = "Nightly export", OwnerUserId = owner.Id }));
        Assert.True(added.Succeeded, added.Error);

        var another = await portal.AsAsync("admin@globex.test", s => s.AddServiceAccountAsync(
            new ServiceAccountInput { Name = "Second robot", Purpose = "Reports", OwnerUserId = owner.Id }));
        Assert.True(another.CapReached);
        Assert.Equal($"All {cap} seats of your order form are taken. Remove a User or request more seats.", another.Error);

        await using var db = portal.System();
        var robot = await db.Users.SingleAsync(u => u.DisplayName == "Backup robot");
        Assert.True(robot.IsServiceAccount);
        Assert.Null(robot.PasswordHash);
        Assert.Equal("Nightly export", robot.ServicePurpose);
        Assert.True((await portal.AsAsync("admin@globex.test", s => s.DeactivateAsync(robot.Id))).Succeeded);
        await FreeOneSeatAsync(extra: 0); // exactly full again
        var reactivated = await portal.AsAsync("admin@globex.test", s => s.ReactivateAsync(robot.Id, SeatsTestKit.BaseUrl));
        Assert.True(reactivated.CapReached);
    }

    /// <summary>Sets Globex's cap to the seats used + <paramref name="extra"/>; returns the new cap.</summary>
    private async Task<int> FreeOneSeatAsync(int extra = 1)
    {
        await using var db = portal.System();
        var globex = await db.Clients.SingleAsync(c => c.Number == "C-0002");
        var used = await db.Users.CountAsync(u => u.ClientId == globex.Id && u.DeactivatedAt == null);
        var form = await db.OrderForms.SingleAsync(o => o.ClientId == globex.Id);
        form.SeatCap = used + extra;
        await db.SaveChangesAsync();
        return form.SeatCap;
    }

    private async Task<int> SeatsUsedAsync()
    {
        await using var db = portal.System();
        var globex = await db.Clients.SingleAsync(c => c.Number == "C-0002");
        return await db.Users.CountAsync(u => u.ClientId == globex.Id && u.DeactivatedAt == null);
    }
}
