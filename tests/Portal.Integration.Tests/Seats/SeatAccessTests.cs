using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Seats;
using Portal.Web.Features.Seats;
using Portal.Web.Features.Seats.Staff;

namespace Portal.Integration.Tests.Seats;

/// <summary>Removing Users, other Clients' Users, and seat requests from both sides; on a portal of their own.</summary>
public sealed class SeatAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_removed_User_is_refused_on_their_very_next_request_and_cannot_sign_in_again()
    {
        var browser = await PortalFactory.SignedInAsync(portal, "user@acme.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/terms")).StatusCode);
        var user = await portal.UserAsync("user@acme.test");

        var removed = await portal.AsAsync("admin@acme.test", s => s.DeactivateAsync(user.Id));

        Assert.True(removed.Succeeded, removed.Error);
        var next = await browser.GetAsync("/terms");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/Account/Login", next.Headers.Location?.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(portal.Browser(), "user@acme.test")).StatusCode);

        // Reactivated, they sign in again with their own password.
        Assert.True((await portal.AsAsync("admin@acme.test", s => s.ReactivateAsync(user.Id, SeatsTestKit.BaseUrl))).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(portal.Browser(), "user@acme.test")).StatusCode);
    }

    [Fact]
    public async Task Another_Clients_Users_are_out_of_reach_whatever_the_id()
    {
        var acmeUser = await portal.UserAsync("paul.roux@acme.test");

        var (rows, total) = await portal.AsAsync("admin@globex.test", s => s.PageAsync(new UserFilter("paul"), UserSort.Name, false, 0, 100));
        var actions = new[]
        {
            await portal.AsAsync("admin@globex.test", s => s.DeactivateAsync(acmeUser.Id)),
            await portal.AsAsync("admin@globex.test", s => s.ChangeRoleAsync(acmeUser.Id, "ClientAdmin")),
            await portal.AsAsync("admin@globex.test", s => s.AssignSubsidiaryAsync(acmeUser.Id, null)),
            await portal.AsAsync("admin@globex.test", s => s.ReactivateAsync(acmeUser.Id, SeatsTestKit.BaseUrl)),
        };

        Assert.Empty(rows);
        Assert.Equal(0, total);
        Assert.All(actions, a => Assert.Equal("This User does not exist.", a.Error));
        var after = await portal.UserAsync("paul.roux@acme.test");
        Assert.Null(after.DeactivatedAt);
        Assert.Equal(acmeUser.SecurityStamp, after.SecurityStamp);
        var (acmeRows, _) = await portal.AsAsync("admin@acme.test", s => s.PageAsync(new UserFilter(), UserSort.Name, false, 0, 100));
        Assert.All(acmeRows, r => Assert.DoesNotContain("globex", r.Email ?? ""));
        Assert.Contains(acmeRows, r => r.IsServiceAccount && r.ServicePurpose is not null);
    }

    [Fact]
    public async Task A_ClientUser_manages_nothing_and_does_not_see_the_page()
    {
        await portal.GivePasswordAsync("paul.roux@acme.test");
        var paul = await portal.UserAsync("paul.roux@acme.test");
        Assert.Null(await portal.AsAsync("paul.roux@acme.test", s => s.OverviewAsync()));
        Assert.Equal("Only your company's administrators can manage seats.",
            (await portal.AsAsync("paul.roux@acme.test", s => s.DeactivateAsync(paul.Id))).Error);
        var denied = await (await PortalFactory.SignedInAsync(portal, "paul.roux@acme.test")).GetAsync("/seats");
        Assert.Equal("/Account/AccessDenied", denied.Headers.Location?.AbsolutePath);
        var page = await (await PortalFactory.SignedInAsync(portal, "admin@globex.test")).GetStringAsync("/seats");
        Assert.Contains("Users and seats", page);
        var staffPage = await (await PortalFactory.SignedInAsync(portal, "admin@globex.test")).GetAsync("/staff/seat-requests");
        Assert.Equal("/Account/AccessDenied", staffPage.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Approving_a_request_raises_the_cap_and_leaves_a_pro_rata_charge_for_the_next_invoice_once()
    {
        var requested = await portal.AsAsync("admin@globex.test", s => s.RequestSeatsAsync(2, SeatsTestKit.BaseUrl));
        Assert.True(requested.Succeeded, requested.Error);
        Assert.Equal("A request for seats is already waiting for your account manager's decision.",
            (await portal.AsAsync("admin@globex.test", s => s.RequestSeatsAsync(1, SeatsTestKit.BaseUrl))).Error);
        var request = await RequestOfAsync("C-0002");
        var overview = (await portal.AsAsync("admin@globex.test", s => s.OverviewAsync()))!;
        Assert.Equal(2 * overview.ExtraSeatPriceToPeriodEnd, request.QuotedPriceExclVat);
        Assert.True(request.QuotedPriceExclVat > 0);

        // The AccountManager looks after Acme and Initech, not Globex: not theirs to decide, not even listed.
        var am = await DecideAsync("am@provider.test", d => d.ApproveAsync(request.Id));
        Assert.Equal("This request does not exist, or it is not yours to decide.", am.Error);
        Assert.DoesNotContain(await ListAsync("am@provider.test"), r => r.Id == request.Id);

        var capBefore = overview.Seats.Cap;
        var approved = await DecideAsync("owner@provider.test", d => d.ApproveAsync(request.Id));
        var twice = await DecideAsync("owner@provider.test", d => d.ApproveAsync(request.Id));

        Assert.True(approved.Succeeded, approved.Error);
        Assert.Equal("This request was already decided.", twice.Error);
        await using var db = portal.System();
        var charge = await db.PendingCharges.SingleAsync(c => c.Source == $"SeatRequest:{request.Id}");
        Assert.Equal(2, charge.Quantity);
        Assert.Equal(overview.ExtraSeatPriceToPeriodEnd, charge.UnitPriceExclVat);
        Assert.Null(charge.InvoiceId);
        Assert.Equal(capBefore + 2, (await portal.AsAsync("admin@globex.test", s => s.OverviewAsync()))!.Seats.Cap);
        Assert.Equal(SeatRequestStatus.Approved, (await RequestOfAsync("C-0002")).Status);
    }

    [Fact]
    public async Task The_assigned_AccountManager_declines_with_a_reason_and_nothing_changes_on_the_order_form()
    {
        var request = await RequestOfAsync("C-0001"); // the demo's pending request of Acme
        Assert.Contains(await ListAsync("am@provider.test"), r => r.Id == request.Id);
        var capBefore = (await portal.AsAsync("admin@acme.test", s => s.OverviewAsync()))!.Seats.Cap;

        Assert.Equal("Say why, so the Client knows what to do next.", (await DecideAsync("am@provider.test", d => d.DeclineAsync(request.Id, " "))).Error);
        var declined = await DecideAsync("am@provider.test", d => d.DeclineAsync(request.Id, "Your contract renews next month: let us add them then."));

        Assert.True(declined.Succeeded, declined.Error);
        await using var db = portal.System();
        Assert.False(await db.PendingCharges.AnyAsync(c => c.Source == $"SeatRequest:{request.Id}"));
        var overview = (await portal.AsAsync("admin@acme.test", s => s.OverviewAsync()))!;
        Assert.Equal(capBefore, overview.Seats.Cap);
        Assert.Equal("Your contract renews next month: let us add them then.", overview.LastDeclined?.Reason);

        // The Client may ask again; its AccountManager is told by e-mail.
        Assert.True((await portal.AsAsync("admin@acme.test", s => s.RequestSeatsAsync(1, SeatsTestKit.BaseUrl))).Succeeded);
        var again = await RequestOfAsync("C-0001");
        Assert.True(await db.OutboxEmails.AnyAsync(m => m.ToEmail == "am@provider.test" && m.Reason == $"SeatRequest:{again.Id}"));
    }

    [Fact]
    public async Task Nobody_requests_seats_while_impersonating()
    {
        var result = await portal.AsAsync("admin@initech.test", s => s.RequestSeatsAsync(1, SeatsTestKit.BaseUrl), impersonatedBy: "am@provider.test");

        Assert.StartsWith("Seats cannot be requested while acting for a Client", result.Error);
        await using var db = portal.System();
        Assert.False(await db.SeatRequests.AnyAsync(r => db.Clients.Any(c => c.Id == r.ClientId && c.Number == "C-0003")));
    }

    private async Task<SeatRequest> RequestOfAsync(string clientNumber)
    {
        await using var db = portal.System();
        return await db.SeatRequests.AsNoTracking().Where(r => db.Clients.Any(c => c.Id == r.ClientId && c.Number == clientNumber))
            .OrderByDescending(r => r.RequestedAt).FirstAsync();
    }

    private async Task<DecisionResult> DecideAsync(string staff, Func<SeatRequestDecisions, Task<DecisionResult>> action)
    {
        await using var scope = await portal.ScopeAsAsync(staff);
        return await action(scope.ServiceProvider.GetRequiredService<SeatRequestDecisions>());
    }

    private async Task<IReadOnlyList<SeatRequestRow>> ListAsync(string staff)
    {
        await using var scope = await portal.ScopeAsAsync(staff);
        return await scope.ServiceProvider.GetRequiredService<SeatRequestDecisions>().ListAsync(null);
    }
}
