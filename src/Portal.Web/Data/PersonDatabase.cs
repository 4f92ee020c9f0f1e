using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Shared;

namespace Portal.Web.Data;

/// <summary>
/// The one way pages, services and endpoints open the database: a short-lived <see cref="PortalDb"/>
/// scoped to the signed-in person. A Client's people read only their Client's rows (another
/// Client's id then finds nothing, which the pages turn into a 404); staff read across Clients;
/// every change is audited in the person's name.
/// </summary>
public sealed class PersonDatabase(
    IDbContextFactory<PortalDb> factory,
    AuthenticationStateProvider authState,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    public async Task<PortalDb> OpenAsync()
    {
        var db = await factory.CreateDbContextAsync();
        db.Actor = await ActorAsync(db, await PrincipalAsync());
        db.Clock = clock;
        return db;
    }

    /// <summary>The signed-in person as the tenancy filter sees them, an AccountManager's assigned Clients loaded.</summary>
    public async Task<Actor> ActorAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await ActorAsync(db, await PrincipalAsync());
    }

    /// <summary>
    /// <see cref="ActorFor"/>, and for an AccountManager (who is neither Support nor a ProviderAdmin) the Clients
    /// assigned to them, read once for this opening: DOMAIN "People", they read no other Client.
    /// </summary>
    private static async Task<Actor> ActorAsync(PortalDb db, ClaimsPrincipal user)
    {
        var actor = ActorFor(user);
        if (actor.UserId is not { } staffId || actor.ClientId is not null || !actor.SeesAllClients
            || StaffPermissions.ReadsAllClients(Role.All.Where(user.IsInRole).ToList()))
            return actor;
        db.Actor = Actor.System;
        var assigned = await db.ClientAssignments.AsNoTracking().Where(a => a.StaffUserId == staffId)
            .Select(a => a.ClientId).ToListAsync();
        return Actor.AccountManager(staffId, actor.Email!, assigned);
    }

    public async Task<ClaimsPrincipal> PrincipalAsync()
    {
        try
        {
            return (await authState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Minimal-API endpoints (PDF and CSV downloads) run outside a Blazor render: use the request's user.
            return http.HttpContext?.User ?? new ClaimsPrincipal();
        }
    }

    /// <summary>
    /// Who the principal is, without the database: enough to write an audit entry in their name. Reading goes
    /// through <see cref="OpenAsync"/>, which narrows an AccountManager to their Clients.
    /// </summary>
    public static Actor ActorFor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Actor.Nobody;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id;
        if (PortalClaims.ClientIdOf(user) is { } clientId)
            return PortalClaims.IsImpersonated(user)
                // Audited with both identities: the staff member acts, on behalf of the ClientAdmin.
                ? new Actor(user.FindFirstValue(PortalClaims.ImpersonatorId), user.FindFirstValue(PortalClaims.ImpersonatorEmail),
                    clientId, SeesAllClients: false, OnBehalfOfUserId: id, OnBehalfOfEmail: email)
                : Actor.ClientPerson(id, email, clientId);
        return Role.All.Any(r => Role.IsStaffRole(r) && user.IsInRole(r)) ? Actor.Staff(id, email) : Actor.Nobody;
    }
}
