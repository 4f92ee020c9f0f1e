using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Seats;
using Portal.Web.Data;
using Portal.Web.Features.Seats;

namespace Portal.Integration.Tests.Seats;

/// <summary>The seat list at 2,000 Users, and a live circuit's sign-out; on a portal of their own.</summary>
public sealed class SeatListAndSessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task At_2000_Users_the_list_pages_sorts_and_searches_in_the_database()
    {
        await using (var db = portal.System())
        {
            var globex = db.Clients.Single(c => c.Number == "C-0002");
            for (var i = 0; i < 2000; i++)
                db.Users.Add(new PortalUser
                {
                    UserName = $"bulk{i:D4}@globex.test", NormalizedUserName = $"BULK{i:D4}@GLOBEX.TEST", Email = $"bulk{i:D4}@globex.test",
                    DisplayName = $"Bulk {i:D4}", ClientId = globex.Id, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = "S",
                    DeactivatedAt = i % 10 == 0 ? DateTimeOffset.UtcNow : null,
                });
            await db.SaveChangesAsync();
        }

        var (page3, total) = await portal.AsAsync("admin@globex.test", s => s.PageAsync(new UserFilter(), UserSort.Name, true, 50, 25));
        var (search, found) = await portal.AsAsync("admin@globex.test", s => s.PageAsync(new UserFilter("bulk 19"), UserSort.Email, false, 0, 25));
        var (_, removed) = await portal.AsAsync("admin@globex.test", s => s.PageAsync(new UserFilter(Status: UserStatus.Deactivated), UserSort.Name, false, 0, 25));

        Assert.Equal(2002, total); // with Jonas Weber and Mia Schulz
        Assert.Equal(25, page3.Count);
        Assert.Equal(page3.Select(r => r.DisplayName).OrderByDescending(n => n, StringComparer.Ordinal), page3.Select(r => r.DisplayName));
        Assert.Equal("Bulk 1951", page3[0].DisplayName); // descending: Mia, Jonas, Bulk 1999 … then the 51st is Bulk 1951
        Assert.Equal(100, found); // Bulk 1900–1999
        Assert.Equal("bulk1900@globex.test", search[0].Email);
        Assert.Equal(200, removed);
    }

    [Fact]
    public async Task A_removed_User_s_live_circuit_turns_anonymous_at_once()
    {
        await using var circuit = await portal.ScopeAsAsync("lea.martin@acme.test");
        var auth = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.True((await auth.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        var lea = await portal.UserAsync("lea.martin@acme.test");

        Assert.True((await portal.AsAsync("admin@acme.test", s => s.DeactivateAsync(lea.Id))).Succeeded);

        Assert.False((await auth.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }
}
