using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Domain.Staff;
using Portal.Domain.Subsidiaries;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Seats;

/// <summary>
/// A ClientAdmin's named Users (SEO §5.1, IAM §12.17): the seat count, invitations, service accounts, roles,
/// Subsidiaries and deactivation. Every change that takes a seat or an administrator runs under
/// <see cref="ClientLock"/>, so the cap and the last-administrator rule hold when two admins act at once.
/// </summary>
public sealed class SeatService(
    PersonDatabase data, TimeProvider clock, IStringLocalizer<UserText> T, SignedOutUsers signedOut, IOptions<PortalOptions> options,
    NotWhileImpersonating guard)
{
    public async Task<SeatOverview?> OverviewAsync()
    {
        if (await AdminAsync() is not { } admin) return null;
        await using var db = await data.OpenAsync();
        var form = await db.OrderForms.CurrentOrderForm(admin.ClientId, clock.Today()).FirstOrDefaultAsync();
        if (form is null) return null;
        var used = await db.SeatHolders(admin.ClientId).CountAsync();
        var today = clock.Today();
        var pending = await db.SeatRequests.AsNoTracking()
            .Where(r => r.ClientId == admin.ClientId && r.Status == SeatRequestStatus.Pending)
            .Select(r => new PendingSeatRequest(r.ExtraSeats, r.QuotedPriceExclVat, r.RequestedAt)).FirstOrDefaultAsync();
        var lastDecision = await db.SeatRequests.AsNoTracking()
            .Where(r => r.ClientId == admin.ClientId && r.Status != SeatRequestStatus.Pending)
            .OrderByDescending(r => r.DecidedAt).FirstOrDefaultAsync();
        var subsidiaries = await db.Subsidiaries.AsNoTracking().Where(s => s.ClientId == admin.ClientId && s.EndedAt == null)
            .OrderBy(s => s.LegalName).ToListAsync();
        return new SeatOverview(new SeatCap(form.SeatCap, used), form.SeatPriceExclVat,
            ExtraSeatPrice.PerSeat(form.SeatPriceExclVat, form.Term, today), form.Term.PeriodOn(today).End, pending,
            lastDecision is { Status: SeatRequestStatus.Declined, DecidedAt: { } declinedAt }
                ? new DeclinedSeatRequest(lastDecision.ExtraSeats, declinedAt, lastDecision.DecisionNote) : null,
            subsidiaries.Select(s => new SubsidiaryChoice(s.Id, s.LegalName, SubsidiaryControl.JoinProblem(s))).ToList(),
            admin.UserId, PortalClaims.IsImpersonated(await data.PrincipalAsync()));
    }

    /// <summary>One page of the Client's Users (its Subsidiaries' included), filtered and sorted in the database.</summary>
    public async Task<(IReadOnlyList<SeatUserRow> Rows, int Total)> PageAsync(
        UserFilter filter, UserSort sort, bool descending, int skip, int take, CancellationToken ct = default)
    {
        if (await AdminAsync() is not { } admin) return ([], 0);
        await using var db = await data.OpenAsync();
        var query = db.Users.AsNoTracking().Where(u => u.ClientId == admin.ClientId);
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = $"%{search.ToLowerInvariant()}%";
            query = query.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern)
                || (u.Email != null && EF.Functions.Like(u.Email.ToLower(), pattern))
                || db.Subsidiaries.Any(s => s.Id == u.SubsidiaryId && EF.Functions.Like(s.LegalName.ToLower(), pattern)));
        }
        if (filter.Status is { } status)
            query = status switch
            {
                UserStatus.Deactivated => query.Where(u => u.DeactivatedAt != null),
                UserStatus.Invited => query.Where(u => u.DeactivatedAt == null && db.Invitations.Any(i => i.UserId == u.Id && i.AcceptedAt == null && i.RevokedAt == null)),
                _ => query.Where(u => u.DeactivatedAt == null && !db.Invitations.Any(i => i.UserId == u.Id && i.AcceptedAt == null && i.RevokedAt == null)),
            };
        if (filter.ServiceAccounts is { } service) query = query.Where(u => u.IsServiceAccount == service);

        var total = await query.CountAsync(ct);
        query = (sort, descending) switch
        {
            (UserSort.Email, false) => query.OrderBy(u => u.Email).ThenBy(u => u.Id),
            (UserSort.Email, true) => query.OrderByDescending(u => u.Email).ThenBy(u => u.Id),
            (UserSort.Added, false) => query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
            (UserSort.Added, true) => query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id),
            (UserSort.Subsidiary, false) => query.OrderBy(u => db.Subsidiaries.Where(s => s.Id == u.SubsidiaryId).Select(s => s.LegalName).FirstOrDefault())
                .ThenBy(u => u.DisplayName),
            (UserSort.Subsidiary, true) => query.OrderByDescending(u => db.Subsidiaries.Where(s => s.Id == u.SubsidiaryId).Select(s => s.LegalName).FirstOrDefault())
                .ThenBy(u => u.DisplayName),
            (_, true) => query.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Id),
            _ => query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
        };
        var rows = await Rows(db, query.Skip(skip).Take(take)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return (rows.Select(r => r.ToRow(now)).ToList(), total);
    }

    /// <summary>People who may own a service account: the Client's active persons, matching <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<PersonChoice>> PeopleAsync(string? search, CancellationToken ct = default)
    {
        if (await AdminAsync() is not { } admin) return [];
        await using var db = await data.OpenAsync();
        var query = db.Users.AsNoTracking().Where(u => u.ClientId == admin.ClientId && u.DeactivatedAt == null && !u.IsServiceAccount);
        if (search?.Trim() is { Length: > 0 } s)
            query = query.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), $"%{s.ToLowerInvariant()}%")
                || (u.Email != null && EF.Functions.Like(u.Email.ToLower(), $"%{s.ToLowerInvariant()}%")));
        return await query.OrderBy(u => u.DisplayName).Take(20).Select(u => new PersonChoice(u.Id, u.DisplayName, u.Email)).ToListAsync(ct);
    }

    /// <summary>Invites a person: a User without password, holding a seat, and a one-time link by e-mail.</summary>
    public async Task<SeatResult> InviteAsync(InviteInput input, string portalBaseUrl) =>
        await AdminAsync() is { } admin ? await InviteAsync(admin, input, portalBaseUrl) : NotAdmin();

    /// <summary>
    /// Issue 15 §4: staff invite a Client's (first) administrator, with the same command as the Client's own admins,
    /// so the seat cap, the one-account-per-address rule and the e-mail in the Client's language hold alike.
    /// A ProviderAdmin, or an AccountManager assigned to the Client; never while impersonating (StaffAccess).
    /// </summary>
    public async Task<SeatResult> InviteAdministratorAsync(Guid clientId, string? email, string? name, string portalBaseUrl)
    {
        if (await StaffInviterAsync(clientId) is not { } staff) return NotStaffInviter();
        // Only the e-mail is required: the administrator can correct the name on their profile.
        var displayName = string.IsNullOrWhiteSpace(name) ? email?.Trim() ?? "" : name;
        return await InviteAsync(staff, new InviteInput { Email = email ?? "", DisplayName = displayName, Role = Role.ClientAdmin }, portalBaseUrl);
    }

    /// <summary>Staff's resend on the Client page: the same as the Client's admins' on /seats.</summary>
    public async Task<SeatResult> ResendInvitationAsync(Guid clientId, string userId, string portalBaseUrl) =>
        await StaffInviterAsync(clientId) is { } staff ? await ResendInvitationAsync(staff, userId, portalBaseUrl) : NotStaffInviter();

    /// <summary>Staff revoke an invitation not accepted yet: the person is removed, as "Revoke invitation" on /seats does.</summary>
    public async Task<SeatResult> RevokeInvitationAsync(Guid clientId, string userId)
    {
        if (await StaffInviterAsync(clientId) is not { } staff) return NotStaffInviter();
        await using (var db = await data.OpenAsync())
            if (!await db.Users.AnyAsync(u => u.Id == userId && u.ClientId == clientId && u.PasswordHash == null && !u.IsServiceAccount))
                return SeatResult.Refused(T["This person has no invitation waiting: they may already have accepted it."]);
        return await DeactivateAsync(staff, userId);
    }

    /// <summary>The Client's administrators and their invitations, for the staff Client page.</summary>
    public async Task<ClientAdministrators> AdministratorsAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var admins = from u in db.Users.AsNoTracking()
                     where u.ClientId == clientId && u.DeactivatedAt == null
                     join ur in db.UserRoles on u.Id equals ur.UserId
                     join r in db.Roles on ur.RoleId equals r.Id
                     where r.Name == Role.ClientAdmin
                     select u;
        var rows = await Rows(db, admins.OrderBy(u => u.DisplayName)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new ClientAdministrators(rows.Select(r => r.ToRow(now)).ToList(), await StaffInviterAsync(clientId) is not null);
    }

    private async Task<SeatResult> InviteAsync(Admin admin, InviteInput input, string portalBaseUrl)
    {
        var (email, emailProblem) = InviteeEmail.Check(input.Email);
        if (emailProblem is not null) return SeatResult.Refused(T[emailProblem]);
        if (NameProblem(input.DisplayName) is { } nameProblem) return SeatResult.Refused(nameProblem);
        if (input.Role is not (Role.ClientAdmin or Role.ClientUser)) return SeatResult.Refused(T["Choose a role: administrator or user."]);

        await using var db = await data.OpenAsync();
        await using var tx = await ClientLock.TakeAsync(db, admin.ClientId);
        if (await SubsidiaryProblemAsync(db, admin.ClientId, input.SubsidiaryId) is { } subsidiaryProblem)
            return SeatResult.Refused(subsidiaryProblem);
        if (await CapProblemAsync(db, admin.ClientId) is { } full) return full;
        var normalized = email!.ToUpperInvariant();
        if (await db.Users.IgnoreQueryFilters().Where(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized)
                .Select(u => new { u.ClientId, u.DeactivatedAt }).FirstOrDefaultAsync() is { } existing)
            return SeatResult.Refused(existing.ClientId == admin.ClientId && existing.DeactivatedAt is not null
                ? T["{0} already has a deactivated account in your company: reactivate it instead.", email]
                : T["{0} already has an account. Each person has one account with one e-mail address.", email]);

        var user = NewUser(admin.ClientId, email, input.DisplayName.Trim(), input.SubsidiaryId, isServiceAccount: false);
        db.Users.Add(user);
        await AddRoleAsync(db, user.Id, input.Role);
        await InviteAsync(db, user, admin, portalBaseUrl);
        try
        {
            return await SaveAsync(db, tx, T["Invitation sent to {0}.", email]);
        }
        catch (DbUpdateException)
        {
            // Another Client invited the same address a moment ago: Identity's unique user name refused ours.
            return SeatResult.Refused(T["{0} already has an account. Each person has one account with one e-mail address.", email]);
        }
    }

    /// <summary>A new link replaces the open one (which stops working); the seat stays held.</summary>
    public async Task<SeatResult> ResendInvitationAsync(string userId, string portalBaseUrl) =>
        await AdminAsync() is { } admin ? await ResendInvitationAsync(admin, userId, portalBaseUrl) : NotAdmin();

    private async Task<SeatResult> ResendInvitationAsync(Admin admin, string userId, string portalBaseUrl)
    {
        await using var db = await data.OpenAsync();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ClientId == admin.ClientId);
        if (user is null || user.DeactivatedAt is not null || user.PasswordHash is not null || user.IsServiceAccount)
            return SeatResult.Refused(T["This person has no invitation waiting: they may already have accepted it."]);
        await InviteAsync(db, user, admin, portalBaseUrl);
        await db.SaveChangesAsync();
        return SeatResult.Done(T["A new invitation was sent to {0}; the previous link no longer works.", user.Email ?? ""]);
    }

    /// <summary>A service account (IAM §12.17: a non-human User takes a seat): name, purpose, owner; it never signs in with a password.</summary>
    public async Task<SeatResult> AddServiceAccountAsync(ServiceAccountInput input)
    {
        if (await AdminAsync() is not { } admin) return NotAdmin();
        if (NameProblem(input.Name) is { } nameProblem) return SeatResult.Refused(nameProblem);
        if (string.IsNullOrWhiteSpace(input.Purpose)) return SeatResult.Refused(T["Say what the service account is for."]);
        if (input.Purpose.Trim().Length > 300) return SeatResult.Refused(T["Describe the purpose in at most 300 characters."]);
        if (string.IsNullOrEmpty(input.OwnerUserId)) return SeatResult.Refused(T["Choose the person answerable for the service account."]);

        await using var db = await data.OpenAsync();
        await using var tx = await ClientLock.TakeAsync(db, admin.ClientId);
        if (!await db.Users.AnyAsync(u => u.Id == input.OwnerUserId && u.ClientId == admin.ClientId && u.DeactivatedAt == null && !u.IsServiceAccount))
            return SeatResult.Refused(T["Choose the person answerable for the service account."]);
        if (await SubsidiaryProblemAsync(db, admin.ClientId, input.SubsidiaryId) is { } subsidiaryProblem)
            return SeatResult.Refused(subsidiaryProblem);
        if (await CapProblemAsync(db, admin.ClientId) is { } full) return full;

        var user = NewUser(admin.ClientId, null, input.Name.Trim(), input.SubsidiaryId, isServiceAccount: true);
        user.ServicePurpose = input.Purpose.Trim();
        user.ServiceOwnerUserId = input.OwnerUserId;
        db.Users.Add(user);
        await AddRoleAsync(db, user.Id, Role.ClientUser);
        return await SaveAsync(db, tx, T["Service account {0} added.", user.DisplayName]);
    }

    public async Task<SeatResult> ChangeRoleAsync(string userId, string role)
    {
        if (await AdminAsync() is not { } admin) return NotAdmin();
        if (role is not (Role.ClientAdmin or Role.ClientUser)) return SeatResult.Refused(T["Choose a role: administrator or user."]);
        await using var db = await data.OpenAsync();
        await using var tx = await ClientLock.TakeAsync(db, admin.ClientId);
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ClientId == admin.ClientId) is not { } user)
            return NotFound();
        if (user.IsServiceAccount) return SeatResult.Refused(T["A service account cannot be an administrator."]);
        var current = await RoleOfAsync(db, userId);
        if (current == role) return SeatResult.Done(T["{0} already has this role.", user.DisplayName]);
        if (current == Role.ClientAdmin && await LastAdminProblemAsync(db, admin.ClientId, [userId]) is { } last) return SeatResult.Refused(T[last]);

        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == userId).ToListAsync());
        await AddRoleAsync(db, userId, role);
        // The role is in their sign-in cookie: they sign in again to get the new one.
        user.SecurityStamp = NewStamp();
        var result = await SaveAsync(db, tx, role == Role.ClientAdmin
            ? T["{0} is now an administrator.", user.DisplayName] : T["{0} is now a user.", user.DisplayName]);
        if (result.Succeeded) signedOut.SignOut([userId]);
        return result;
    }

    /// <summary>Moves a User to a Subsidiary (whose Agreement notice was confirmed) or back to the Client itself.</summary>
    public async Task<SeatResult> AssignSubsidiaryAsync(string userId, Guid? subsidiaryId)
    {
        if (await AdminAsync() is not { } admin) return NotAdmin();
        await using var db = await data.OpenAsync();
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ClientId == admin.ClientId) is not { } user)
            return NotFound();
        if (await SubsidiaryProblemAsync(db, admin.ClientId, subsidiaryId) is { } problem) return SeatResult.Refused(problem);
        user.SubsidiaryId = subsidiaryId;
        await db.SaveChangesAsync();
        return SeatResult.Done(T["{0} moved.", user.DisplayName]);
    }

    /// <summary>
    /// Removes a User: their seat is free, their open invitation stops working, their sessions end at once
    /// (DOMAIN "Seats"). The record stays: acceptance records and the audit point at it.
    /// </summary>
    public async Task<SeatResult> DeactivateAsync(string userId) =>
        await AdminAsync() is { } admin ? await DeactivateAsync(admin, userId) : NotAdmin();

    private async Task<SeatResult> DeactivateAsync(Admin admin, string userId)
    {
        if (userId == admin.UserId) return SeatResult.Refused(T["You cannot remove your own account; ask another administrator."]);
        await using var db = await data.OpenAsync();
        await using var tx = await ClientLock.TakeAsync(db, admin.ClientId);
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ClientId == admin.ClientId) is not { } user)
            return NotFound();
        if (user.DeactivatedAt is not null) return SeatResult.Done(T["{0} was already removed.", user.DisplayName]);
        if (await LastAdminProblemAsync(db, admin.ClientId, [userId]) is { } last) return SeatResult.Refused(T[last]);

        await DeactivateAsync(db, [user], clock.GetUtcNow());
        var result = await SaveAsync(db, tx, T["{0} removed: their seat is free and they can no longer sign in.", user.DisplayName]);
        if (result.Succeeded) signedOut.SignOut([userId]);
        return result;
    }

    /// <summary>Gives a removed User a seat again; a person who never chose a password gets a new invitation.</summary>
    public async Task<SeatResult> ReactivateAsync(string userId, string portalBaseUrl)
    {
        if (await AdminAsync() is not { } admin) return NotAdmin();
        await using var db = await data.OpenAsync();
        await using var tx = await ClientLock.TakeAsync(db, admin.ClientId);
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.ClientId == admin.ClientId) is not { } user)
            return NotFound();
        if (user.DeactivatedAt is null) return SeatResult.Done(T["{0} is already active.", user.DisplayName]);
        if (await SubsidiaryProblemAsync(db, admin.ClientId, user.SubsidiaryId) is { } problem)
            return SeatResult.Refused(T["{0} Move {1} to your company or another Subsidiary first.", problem, user.DisplayName]);
        if (await CapProblemAsync(db, admin.ClientId) is { } full) return full;

        user.DeactivatedAt = null;
        user.SecurityStamp = NewStamp();
        var invited = !user.IsServiceAccount && user.PasswordHash is null;
        if (invited) await InviteAsync(db, user, admin, portalBaseUrl);
        return await SaveAsync(db, tx, invited
            ? T["{0} reactivated; a new invitation was sent.", user.DisplayName] : T["{0} reactivated.", user.DisplayName]);
    }

    /// <summary>
    /// DOMAIN "Seats": past the cap, a ClientAdmin asks for more seats at the pro-rata price, which is shown and
    /// kept with the request. Refused while impersonating (DOMAIN "Impersonation"); one request waits at a time.
    /// </summary>
    public async Task<SeatResult> RequestSeatsAsync(int extraSeats, string portalBaseUrl)
    {
        if (await guard.RefusalAsync(GuardedAction.SeatRequest) is { } impersonating) return SeatResult.Refused(impersonating);
        if (await AdminAsync() is not { } admin) return NotAdmin();
        if (ExtraSeatPrice.Problem(extraSeats) is { } problem) return SeatResult.Refused(T[problem]);

        await using var db = await data.OpenAsync();
        await using var tx = await ClientLock.TakeAsync(db, admin.ClientId);
        if (await db.SeatRequests.AnyAsync(r => r.ClientId == admin.ClientId && r.Status == SeatRequestStatus.Pending))
            return SeatResult.Refused(T["A request for seats is already waiting for your account manager's decision."]);
        if (await db.OrderForms.CurrentOrderForm(admin.ClientId, clock.Today()).FirstOrDefaultAsync() is not { } form)
            return SeatResult.Refused(T["Your company has no order form yet: contact your account manager."]);
        var request = new SeatRequest
        {
            ClientId = admin.ClientId, ExtraSeats = extraSeats, RequestedByUserId = admin.UserId, RequestedAt = clock.GetUtcNow(),
            QuotedPriceExclVat = ExtraSeatPrice.For(extraSeats, form.SeatPriceExclVat, form.Term, clock.Today()),
        };
        db.SeatRequests.Add(request);
        await NotifyAccountManagersAsync(db, request, portalBaseUrl);
        return await SaveAsync(db, tx, T["Your request for {0} more seat(s) was sent to your account manager.", extraSeats]);
    }

    /// <summary>The AccountManagers assigned to the Client learn of the request by e-mail (staff read the portal in English).</summary>
    private static async Task NotifyAccountManagersAsync(PortalDb db, SeatRequest request, string portalBaseUrl)
    {
        var client = await db.Clients.Where(c => c.Id == request.ClientId).Select(c => c.LegalName).SingleAsync();
        var managers = await db.Users.IgnoreQueryFilters()
            .Where(u => db.ClientAssignments.IgnoreQueryFilters().Any(a => a.ClientId == request.ClientId && a.StaffUserId == u.Id))
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync();
        var link = $"{portalBaseUrl.TrimEnd('/')}/staff/seat-requests";
        foreach (var manager in managers.Where(m => m.Email is not null))
            Outbox.Enqueue(db, manager.Email!, manager.DisplayName, $"{client} asks for {request.ExtraSeats} more seat(s)",
                $"<p>{System.Net.WebUtility.HtmlEncode(client)} asks for {request.ExtraSeats} more seat(s), quoted " +
                $"{request.QuotedPriceExclVat:N2} EUR excl. VAT to the end of the current period.</p>" +
                $"<p><a href=\"{link}\">Approve or decline the request</a>.</p>",
                request.ClientId, $"SeatRequest:{request.Id}");
    }

    /// <summary>Deactivates Users in the caller's transaction (also when their Subsidiary ends): no seat, no sign-in, no open link.</summary>
    internal static async Task DeactivateAsync(PortalDb db, IReadOnlyList<PortalUser> users, DateTimeOffset now)
    {
        var ids = users.Select(u => u.Id).ToList();
        foreach (var user in users)
        {
            user.DeactivatedAt = now;
            user.SecurityStamp = NewStamp();
        }
        foreach (var invitation in await db.Invitations.Where(i => ids.Contains(i.UserId) && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync())
            invitation.Revoke(now);
    }

    /// <summary>
    /// Null when removing <paramref name="userIds"/> leaves the Client an active, human administrator, else the
    /// (untranslated) reason. Run under <see cref="ClientLock"/>, so two admins cannot demote each other at once.
    /// </summary>
    internal static async Task<string?> LastAdminProblemAsync(PortalDb db, Guid clientId, IReadOnlyCollection<string> userIds)
    {
        var admins = await db.ActiveAdmins(clientId).Select(u => u.Id).ToListAsync();
        return ClientAdmins.Problem(admins.Count, admins.Count(userIds.Contains));
    }

    public static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    private async Task<SeatResult?> CapProblemAsync(PortalDb db, Guid clientId)
    {
        var form = await db.OrderForms.CurrentOrderForm(clientId, clock.Today()).FirstOrDefaultAsync();
        var seats = new SeatCap(form?.SeatCap ?? 0, await db.SeatHolders(clientId).CountAsync());
        return seats.CanTake() ? null : SeatResult.Full(
            T["All {0} seats of your order form are taken. Remove a User or request more seats.", seats.Cap], seats.Shortfall());
    }

    private async Task<string?> SubsidiaryProblemAsync(PortalDb db, Guid clientId, Guid? subsidiaryId)
    {
        if (subsidiaryId is null) return null;
        var subsidiary = await db.Subsidiaries.SingleOrDefaultAsync(s => s.Id == subsidiaryId && s.ClientId == clientId);
        if (subsidiary is null) return T["This Subsidiary does not exist."];
        return SubsidiaryControl.JoinProblem(subsidiary) is { } problem ? T[problem].Value : null;
    }

    private async Task InviteAsync(PortalDb db, PortalUser user, Admin admin, string portalBaseUrl)
    {
        var now = clock.GetUtcNow();
        foreach (var open in await db.Invitations.Where(i => i.UserId == user.Id && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync())
            open.Revoke(now);
        var (token, hash) = Invitation.NewToken();
        var invitation = new Invitation
        {
            ClientId = admin.ClientId, UserId = user.Id, TokenHash = hash, InvitedByUserId = admin.UserId,
            CreatedAt = now, ExpiresAt = now + Invitation.Validity,
        };
        db.Invitations.Add(invitation);
        var client = await db.Clients.Where(c => c.Id == admin.ClientId).Select(c => new { c.LegalName, c.Culture }).SingleAsync();
        var link = $"{portalBaseUrl.TrimEnd('/')}/invitation?token={token}";
        var mail = InvitationEmail.For(user.Culture ?? client.Culture, options.Value.ProductName, client.LegalName, user.DisplayName,
            admin.DisplayName, link, invitation.ExpiresAt);
        Outbox.Enqueue(db, user.Email!, user.DisplayName, mail.Subject, mail.HtmlBody, admin.ClientId, $"Invitation:{invitation.Id}");
    }

    private PortalUser NewUser(Guid clientId, string? email, string name, Guid? subsidiaryId, bool isServiceAccount)
    {
        var id = Guid.NewGuid().ToString();
        // A service account has no e-mail: its user name only keeps Identity's unique index satisfied.
        var userName = email ?? $"service-{id}";
        return new PortalUser
        {
            Id = id, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = email,
            NormalizedEmail = email?.ToUpperInvariant(), EmailConfirmed = false, DisplayName = name, ClientId = clientId,
            SubsidiaryId = subsidiaryId, IsServiceAccount = isServiceAccount, CreatedAt = clock.GetUtcNow(),
            SecurityStamp = NewStamp(), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
    }

    private static async Task AddRoleAsync(PortalDb db, string userId, string role)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
    }

    private static Task<string?> RoleOfAsync(PortalDb db, string userId) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).FirstOrDefaultAsync();

    private string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? T["Enter a name."].Value
        : name.Trim().Length > 100 ? T["A name has at most 100 characters."].Value
        : null;

    private static async Task<SeatResult> SaveAsync(PortalDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, string message)
    {
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return SeatResult.Done(message);
    }

    private SeatResult NotAdmin() => SeatResult.Refused(T["Only your company's administrators can manage seats."]);

    private SeatResult NotFound() => SeatResult.Refused(T["This User does not exist."]);

    private SeatResult NotStaffInviter() =>
        SeatResult.Refused(T["Only Provider administrators and the Client's Account Managers can invite its administrators, and never while acting for a Client."]);

    /// <summary>Who invites: a ClientAdmin of their own Client, or a staff member acting on it (then named in the e-mail).</summary>
    private sealed record Admin(Guid ClientId, string UserId, string DisplayName);

    private async Task<Admin?> StaffInviterAsync(Guid clientId)
    {
        var user = await data.PrincipalAsync();
        await using var db = await data.OpenAsync();
        return await StaffAccess.MayActForAsync(user, db, clientId) && await db.Clients.AnyAsync(c => c.Id == clientId)
            ? new Admin(clientId, user.FindFirstValue(ClaimTypes.NameIdentifier)!, PortalClaims.DisplayNameOf(user))
            : null;
    }

    private async Task<Admin?> AdminAsync()
    {
        var user = await data.PrincipalAsync();
        return user.IsInRole(Role.ClientAdmin) && PortalClaims.ClientIdOf(user) is { } clientId
               && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? new Admin(clientId, userId, PortalClaims.DisplayNameOf(user))
            : null;
    }

    private static IQueryable<UserRecord> Rows(PortalDb db, IQueryable<PortalUser> users) =>
        from u in users
        let invitation = db.Invitations.Where(i => i.UserId == u.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefault()
        select new UserRecord(
            u.Id, u.DisplayName, u.Email, u.IsServiceAccount, u.DeactivatedAt, u.CreatedAt,
            (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            u.SubsidiaryId,
            db.Subsidiaries.Where(s => s.Id == u.SubsidiaryId).Select(s => s.LegalName).FirstOrDefault(),
            u.ServicePurpose,
            db.Users.Where(o => o.Id == u.ServiceOwnerUserId).Select(o => o.DisplayName).FirstOrDefault(),
            invitation == null ? null : invitation.ExpiresAt);

    private sealed record UserRecord(
        string Id, string DisplayName, string? Email, bool IsServiceAccount, DateTimeOffset? DeactivatedAt, DateTimeOffset CreatedAt,
        string? Role, Guid? SubsidiaryId, string? Subsidiary, string? ServicePurpose, string? ServiceOwner, DateTimeOffset? InvitationExpiresAt)
    {
        public SeatUserRow ToRow(DateTimeOffset now) => new(Id, DisplayName, Email, IsServiceAccount,
            DeactivatedAt is not null ? UserStatus.Deactivated : InvitationExpiresAt is not null ? UserStatus.Invited : UserStatus.Active,
            InvitationExpiresAt is { } expires && expires <= now, Role == Domain.People.Role.ClientAdmin ? Domain.People.Role.ClientAdmin : Domain.People.Role.ClientUser,
            SubsidiaryId, Subsidiary, ServicePurpose, ServiceOwner, CreatedAt, DeactivatedAt);
    }
}

public sealed record SeatOverview(
    SeatCap Seats, decimal AnnualSeatPrice, decimal ExtraSeatPriceToPeriodEnd, DateOnly PeriodEnd, PendingSeatRequest? PendingRequest,
    DeclinedSeatRequest? LastDeclined,
    IReadOnlyList<SubsidiaryChoice> Subsidiaries, string CurrentUserId, bool Impersonated);

/// <param name="MayInvite">Whether the signed-in staff member may invite, resend and revoke for this Client.</param>
public sealed record ClientAdministrators(IReadOnlyList<SeatUserRow> Admins, bool MayInvite);

public sealed record DeclinedSeatRequest(int ExtraSeats, DateTimeOffset DeclinedAt, string? Reason);

public sealed record PendingSeatRequest(int ExtraSeats, decimal QuotedPriceExclVat, DateTimeOffset RequestedAt);

/// <param name="JoinProblem">Why Users cannot be added to it yet, or null.</param>
public sealed record SubsidiaryChoice(Guid Id, string LegalName, string? JoinProblem);

public sealed record PersonChoice(string Id, string DisplayName, string? Email);

public sealed record SeatUserRow(
    string Id, string DisplayName, string? Email, bool IsServiceAccount, UserStatus Status, bool InvitationExpired, string Role,
    Guid? SubsidiaryId, string? Subsidiary, string? ServicePurpose, string? ServiceOwner, DateTimeOffset AddedAt, DateTimeOffset? DeactivatedAt);

public sealed record UserFilter(string? Search = null, UserStatus? Status = null, bool? ServiceAccounts = null);

public enum UserSort { Name, Email, Subsidiary, Added }

public sealed class InviteInput
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Domain.People.Role.ClientUser;
    public Guid? SubsidiaryId { get; set; }
}

public sealed class ServiceAccountInput
{
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string? OwnerUserId { get; set; }
    public Guid? SubsidiaryId { get; set; }
}

/// <param name="SeatsShort">Set when the cap was reached: how many seats to request for the change to fit.</param>
public sealed record SeatResult(string? Error, string? Message, int? SeatsShort = null)
{
    public bool Succeeded => Error is null;
    public bool CapReached => SeatsShort is not null;

    public static SeatResult Done(string message) => new(null, message);
    public static SeatResult Refused(string error) => new(error, null);
    public static SeatResult Full(string error, int seatsShort) => new(error, null, seatsShort);
}

/// <summary>What a dialog returns when the cap stopped it and the admin chose to request seats.</summary>
public sealed record RequestMoreSeats(int Seats);
