using Microsoft.EntityFrameworkCore;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Termination;

namespace Portal.Web.Data;

/// <summary>
/// The one definition of each question several areas ask about a Client. Each returns an IQueryable EF translates,
/// so a caller adds its own Include, Select or Count and the database answers it in one query.
/// </summary>
public static class ClientQueries
{
    /// <summary>
    /// The order form in force on <paramref name="on"/>, first: the one with the latest Effective Date on or before it
    /// (SEO §1, §3: the order form governs from its Effective Date; a later one replaces it from its own). Two with the same
    /// Effective Date: the one signed last, which the parties signed to replace the other. Before the Client's first order
    /// form takes effect, that first one: a Client signed ahead of its start already has its contract to read and bill.
    /// A future-dated order form never replaces the one in force before its Effective Date.
    /// </summary>
    /// <remarks>For forms already narrowed to one Client (by the tenancy filter, a Where, or a loaded Client's list through AsQueryable()).</remarks>
    public static IQueryable<OrderForm> CurrentOrderForm(this IQueryable<OrderForm> forms, DateOnly on) =>
        forms.OrderBy(f => f.EffectiveDate > on)
            .ThenByDescending(f => f.EffectiveDate <= on ? f.EffectiveDate : DateOnly.MinValue)
            .ThenBy(f => f.EffectiveDate)
            .ThenByDescending(f => f.SignedOn);

    /// <summary>The Client's order forms, the one in force on <paramref name="on"/> first (see the overload for the rule).</summary>
    public static IQueryable<OrderForm> CurrentOrderForm(this IQueryable<OrderForm> forms, Guid clientId, DateOnly on) =>
        forms.Where(f => f.ClientId == clientId).CurrentOrderForm(on);

    /// <summary>
    /// Every Client's administrators who can sign in and read e-mail: in the ClientAdmin role, not deactivated, a person
    /// (a service account is never an administrator) with an e-mail address. Who is told of invoices, notices, amendments
    /// and staff access; invited ones included, since the invitation is in their mailbox.
    /// </summary>
    public static IQueryable<PortalUser> ClientAdmins(this PortalDb db) =>
        from user in db.Users
        where user.ClientId != null && user.DeactivatedAt == null && !user.IsServiceAccount && user.Email != null
              && db.UserRoles.Any(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role.ClientAdmin))
        select user;

    /// <summary>One Client's <see cref="ClientAdmins(PortalDb)"/>, by e-mail address.</summary>
    public static IQueryable<PortalUser> ClientAdmins(this PortalDb db, Guid clientId) =>
        db.ClientAdmins().Where(u => u.ClientId == clientId).OrderBy(u => u.Email);

    /// <summary>
    /// The Client's administrators who have taken up the role: <see cref="ClientAdmins(PortalDb, Guid)"/> without an open
    /// invitation: SEO §6.2, the last of them may not be removed or demoted (Domain.Seats.ClientAdmins.Problem).
    /// </summary>
    public static IQueryable<PortalUser> ActiveAdmins(this PortalDb db, Guid clientId) =>
        db.ClientAdmins(clientId).Where(u => !db.Invitations.Any(i => i.UserId == u.Id && i.AcceptedAt == null && i.RevokedAt == null));

    /// <summary>
    /// Every User who takes a seat (SEO §5.1, Seats.TakesSeat): not deactivated, persons and service accounts, the
    /// Subsidiaries' Users included. Narrow by ClientId, or group by it for several Clients.
    /// </summary>
    public static IQueryable<PortalUser> SeatHolders(this IQueryable<PortalUser> users) =>
        users.Where(u => u.ClientId != null && u.DeactivatedAt == null);

    /// <summary>One Client's <see cref="SeatHolders(IQueryable{PortalUser})"/>.</summary>
    public static IQueryable<PortalUser> SeatHolders(this PortalDb db, Guid clientId) =>
        db.Users.SeatHolders().Where(u => u.ClientId == clientId);

    /// <summary>
    /// SEO §14.3, §20.1: the amendments the Client terminated over with a notice that still counts
    /// (<see cref="TerminationRules.VersionsTerminatedOver"/>). Amendment notices are few (usually none), so the rule reads
    /// them whole rather than restating which statuses count. Pass the tenancy-filtered set, or one filtered to a Client.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> VersionsTerminatedOverAsync(this IQueryable<TerminationNotice> notices, CancellationToken ct = default) =>
        TerminationRules.VersionsTerminatedOver(await notices.AsNoTracking()
            .Where(n => n.Kind == TerminationKind.Amendment && n.CitedDocumentVersionId != null).ToListAsync(ct));
}
