using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Data;

/// <summary>
/// The shared questions of <see cref="ClientQueries"/>, asked of the real database (SQLite, and PostgreSQL when
/// PORTAL_TEST_POSTGRES is set), on a portal of their own: each test writes a Client of its own.
/// </summary>
public sealed class ClientQueriesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public async Task The_order_form_in_force_is_the_latest_effective_on_or_before_the_date_never_a_future_dated_one()
    {
        var clientId = await NewClientAsync(
            Form("OF-OLD", signedOn: new(2024, 12, 1), effective: new(2025, 1, 1), seatCap: 5),
            Form("OF-NOW", signedOn: new(2025, 12, 1), effective: new(2026, 1, 1), seatCap: 10),
            // Signed last but effective next year: it does not replace the one in force before its Effective Date.
            Form("OF-NEXT", signedOn: new(2026, 11, 30), effective: new(2027, 1, 1), seatCap: 20));

        Assert.Equal("OF-NOW", await ReferenceOnAsync(clientId, Today));
        Assert.Equal("OF-NOW", await ReferenceOnAsync(clientId, new(2026, 1, 1)));
        Assert.Equal("OF-OLD", await ReferenceOnAsync(clientId, new(2025, 12, 31)));
        Assert.Equal("OF-NEXT", await ReferenceOnAsync(clientId, new(2027, 1, 1)));
    }

    [Fact]
    public async Task Of_two_order_forms_effective_the_same_day_the_one_signed_last_is_in_force()
    {
        var clientId = await NewClientAsync(
            Form("OF-SECOND", signedOn: new(2026, 3, 1), effective: new(2026, 4, 1), seatCap: 12),
            Form("OF-FIRST", signedOn: new(2026, 2, 1), effective: new(2026, 4, 1), seatCap: 8));

        Assert.Equal("OF-SECOND", await ReferenceOnAsync(clientId, Today));
    }

    [Fact]
    public async Task Before_the_first_order_form_takes_effect_it_is_the_Clients_contract_and_a_Client_without_one_has_none()
    {
        var early = await NewClientAsync(
            Form("OF-LATER", signedOn: new(2026, 11, 1), effective: new(2027, 3, 1), seatCap: 9),
            Form("OF-START", signedOn: new(2026, 11, 1), effective: new(2027, 1, 1), seatCap: 9));
        var none = await NewClientAsync();

        Assert.Equal("OF-START", await ReferenceOnAsync(early, Today));
        Assert.Null(await ReferenceOnAsync(none, Today));
    }

    [Fact]
    public async Task The_order_form_in_force_composes_with_Include_and_inside_a_projection_in_one_query()
    {
        var clientId = await NewClientAsync(
            Form("OF-A", signedOn: new(2025, 12, 1), effective: new(2026, 1, 1), seatCap: 10, lines: 2),
            Form("OF-B", signedOn: new(2026, 11, 30), effective: new(2027, 1, 1), seatCap: 20, lines: 1));
        await using var db = portal.OpenAs(Actor.System);

        var form = await db.OrderForms.AsNoTracking().Include(f => f.Lines).CurrentOrderForm(clientId, Today).FirstAsync();
        var forms = db.OrderForms.CurrentOrderForm(Today);
        var cap = await db.Clients.Where(c => c.Id == clientId)
            .Select(c => forms.Where(f => f.ClientId == c.Id).Select(f => f.SeatCap).FirstOrDefault()).SingleAsync();
        var loaded = await db.Clients.AsNoTracking().Include(c => c.OrderForms).SingleAsync(c => c.Id == clientId);

        Assert.Equal(("OF-A", 2), (form.Reference, form.Lines.Count));
        Assert.Equal(10, cap);
        Assert.Equal("OF-A", loaded.OrderForms.AsQueryable().CurrentOrderForm(Today).First().Reference);
    }

    [Fact]
    public async Task ClientAdmins_are_the_Clients_reachable_administrators_and_ActiveAdmins_those_who_took_up_the_role()
    {
        var clientId = await NewClientAsync(Form("OF-1", new(2026, 1, 1), new(2026, 1, 1), 10));
        var otherId = await NewClientAsync(Form("OF-2", new(2026, 1, 1), new(2026, 1, 1), 10));
        await using (var db = portal.OpenAs(Actor.System))
        {
            var b = await AddUserAsync(db, clientId, "b.admin@q.test", Role.ClientAdmin);
            await AddUserAsync(db, clientId, "a.invited@q.test", Role.ClientAdmin, invitedBy: b);
            await AddUserAsync(db, clientId, "gone.admin@q.test", Role.ClientAdmin, deactivated: true);
            await AddUserAsync(db, clientId, null, Role.ClientAdmin);
            await AddUserAsync(db, clientId, "user@q.test", Role.ClientUser);
            await AddUserAsync(db, otherId, "other.admin@q.test", Role.ClientAdmin);
            await db.SaveChangesAsync();
        }
        await using var read = portal.OpenAs(Actor.System);

        Assert.Equal(["a.invited@q.test", "b.admin@q.test"], await read.ClientAdmins(clientId).Select(u => u.Email!).ToListAsync());
        Assert.Equal(["b.admin@q.test"], await read.ActiveAdmins(clientId).Select(u => u.Email!).ToListAsync());
        Assert.Contains("other.admin@q.test", await read.ClientAdmins().Select(u => u.Email!).ToListAsync());
        Assert.DoesNotContain(await read.ClientAdmins().ToListAsync(), u => u.ClientId == null || u.DeactivatedAt != null);
    }

    [Fact]
    public async Task SeatHolders_are_every_User_not_deactivated_persons_invited_and_service_accounts_alike()
    {
        var clientId = await NewClientAsync(Form("OF-1", new(2026, 1, 1), new(2026, 1, 1), 10));
        await using (var db = portal.OpenAs(Actor.System))
        {
            var admin = await AddUserAsync(db, clientId, "admin@seats.test", Role.ClientAdmin);
            await AddUserAsync(db, clientId, "invited@seats.test", Role.ClientUser, invitedBy: admin);
            await AddUserAsync(db, clientId, null, Role.ClientUser, serviceAccount: true);
            await AddUserAsync(db, clientId, "gone@seats.test", Role.ClientUser, deactivated: true);
            await db.SaveChangesAsync();
        }
        await using var read = portal.OpenAs(Actor.System);

        Assert.Equal(3, await read.SeatHolders(clientId).CountAsync());
        Assert.Equal(3, await read.Users.SeatHolders().CountAsync(u => u.ClientId == clientId));
        Assert.DoesNotContain(await read.Users.SeatHolders().ToListAsync(), u => u.ClientId == null);
    }

    private async Task<string?> ReferenceOnAsync(Guid clientId, DateOnly on)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.OrderForms.CurrentOrderForm(clientId, on).Select(f => f.Reference).FirstOrDefaultAsync();
    }

    private static OrderForm Form(string reference, DateOnly signedOn, DateOnly effective, int seatCap, int lines = 0) => new()
    {
        Reference = reference, SignedOn = signedOn, EffectiveDate = effective, SeatCap = seatCap,
        Lines = [.. Enumerable.Range(1, lines).Select(i => new OrderLine { Description = $"Line {i}", Quantity = 1, UnitPriceExclVat = 100 })],
    };

    private async Task<Guid> NewClientAsync(params OrderForm[] forms)
    {
        await using var db = portal.OpenAs(Actor.System);
        var client = new Client
        {
            Number = $"Q-{Guid.NewGuid():N}"[..12], LegalName = "Query Test SAS", Country = "FR",
            Address = new PostalAddress("1 rue de la Paix", null, "75002", "Paris", "FR"), OrderForms = [.. forms],
        };
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }

    private static async Task<string> AddUserAsync(PortalDb db, Guid clientId, string? email, string role,
        string? invitedBy = null, bool deactivated = false, bool serviceAccount = false)
    {
        var user = new PortalUser
        {
            UserName = email ?? $"service-{Guid.NewGuid():N}", Email = email, NormalizedEmail = email?.ToUpperInvariant(),
            DisplayName = email ?? "Nightly sync", ClientId = clientId, IsServiceAccount = serviceAccount,
            DeactivatedAt = deactivated ? DateTimeOffset.UtcNow : null, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        user.NormalizedUserName = user.UserName!.ToUpperInvariant();
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync() });
        if (invitedBy is not null)
            db.Invitations.Add(new Invitation
            {
                ClientId = clientId, UserId = user.Id, TokenHash = Guid.NewGuid().ToString("N"), InvitedByUserId = invitedBy,
                CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            });
        return user.Id;
    }
}
