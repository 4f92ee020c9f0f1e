using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Subsidiaries;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Seats;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Subsidiaries;

/// <summary>
/// The entities a Client controls (SEO §5.1 and definitions, IAM §1.4, §12.14): declared by a ClientAdmin,
/// whose Users count against the Client's cap, and which lose access in the same step as they stop being one.
/// </summary>
public sealed class SubsidiaryService(PersonDatabase data, TimeProvider clock, IStringLocalizer<UserText> T, SignedOutUsers signedOut)
{

    /// <summary>The Client's Subsidiaries, current first; for staff, those of every Client they look after.</summary>
    public async Task<IReadOnlyList<SubsidiaryRow>> ListAsync()
    {
        var user = await data.PrincipalAsync();
        await using var db = await data.OpenAsync();
        var subsidiaries = db.Subsidiaries.AsNoTracking();
        if (AssignedOnlyTo(user) is { } staffId)
            subsidiaries = subsidiaries.Where(s => db.ClientAssignments.Any(a => a.ClientId == s.ClientId && a.StaffUserId == staffId));
        var rows = await (
            from s in subsidiaries
            join c in db.Clients on s.ClientId equals c.Id
            select new SubsidiaryRow(
                s.Id, c.LegalName, s.LegalName, s.RegistrationNumber, s.Country, s.ControlPercent,
                s.AgreementNotifiedAt, db.Users.Where(u => u.Id == s.AgreementNotifiedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                s.EndedAt, s.EndReason, s.EndNote,
                db.Users.Where(u => u.Id == s.EndedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Count(u => u.SubsidiaryId == s.Id && u.DeactivatedAt == null))).ToListAsync();
        return rows.OrderBy(r => r.EndedAt is not null).ThenBy(r => r.Client).ThenBy(r => r.LegalName).ToList();
    }

    /// <summary>Declares an entity the Client controls; under 50 % it is refused with the reason (SEO definitions).</summary>
    public async Task<SubsidiaryResult> AddAsync(NewSubsidiary input)
    {
        if (await AdminAsync() is not { } admin) return NotAdmin();
        var legalName = input.LegalName?.Trim() ?? "";
        var country = input.Country?.Trim().ToUpperInvariant() ?? "";
        if (legalName.Length == 0) return SubsidiaryResult.Refused(T["Enter the entity's legal name."]);
        if (legalName.Length > 200) return SubsidiaryResult.Refused(T["A legal name has at most 200 characters."]);
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            return SubsidiaryResult.Refused(T["Enter the country as a two-letter code, such as FR or DE."]);
        if (input.RegistrationNumber?.Trim().Length > 100) return SubsidiaryResult.Refused(T["A registration number has at most 100 characters."]);
        if (SubsidiaryControl.Problem(input.ControlPercent) is { } control) return SubsidiaryResult.Refused(T[control]);

        await using var db = await data.OpenAsync();
        var lower = legalName.ToLower();
        if (await db.Subsidiaries.AnyAsync(s => s.ClientId == admin.ClientId && s.EndedAt == null && s.LegalName.ToLower() == lower))
            return SubsidiaryResult.Refused(T["{0} is already one of your Subsidiaries.", legalName]);
        var now = clock.GetUtcNow();
        var subsidiary = new Subsidiary
        {
            ClientId = admin.ClientId, LegalName = legalName, Country = country, ControlPercent = input.ControlPercent!.Value,
            RegistrationNumber = string.IsNullOrWhiteSpace(input.RegistrationNumber) ? null : input.RegistrationNumber.Trim(),
            CreatedAt = now,
            AgreementNotifiedAt = input.AgreementNotified ? now : null,
            AgreementNotifiedByUserId = input.AgreementNotified ? admin.UserId : null,
        };
        db.Subsidiaries.Add(subsidiary);
        await db.SaveChangesAsync();
        return SubsidiaryResult.Done(T["{0} added.", legalName]);
    }

    /// <summary>IAM §12.14: records who confirmed, and when, that the Subsidiary was told the Agreement's contents.</summary>
    public async Task<SubsidiaryResult> ConfirmAgreementNotifiedAsync(Guid subsidiaryId)
    {
        if (await AdminAsync() is not { } admin) return NotAdmin();
        await using var db = await data.OpenAsync();
        if (await db.Subsidiaries.SingleOrDefaultAsync(s => s.Id == subsidiaryId && s.ClientId == admin.ClientId) is not { } subsidiary)
            return SubsidiaryResult.Refused(T["This Subsidiary does not exist."]);
        if (!subsidiary.IsActive) return SubsidiaryResult.Refused(T["This Subsidiary has ended: its people no longer have access."]);
        if (subsidiary.AgreementNotifiedAt is not null) return SubsidiaryResult.Done(T["Already confirmed."]);
        subsidiary.AgreementNotifiedAt = clock.GetUtcNow();
        subsidiary.AgreementNotifiedByUserId = admin.UserId;
        await db.SaveChangesAsync();
        return SubsidiaryResult.Done(T["Confirmed: {0}'s people can now be added.", subsidiary.LegalName]);
    }

    /// <summary>
    /// DOMAIN "Subsidiaries": an entity that stops being a Subsidiary loses access immediately and automatically:
    /// its Users are deactivated in the same transaction that ends it, which keeps why, when and by whom.
    /// A ClientAdmin ends it for control or a sale; only Provider staff flag a competitor.
    /// </summary>
    public async Task<SubsidiaryResult> EndAsync(Guid subsidiaryId, SubsidiaryEndReason reason, string? note)
    {
        var user = await data.PrincipalAsync();
        var staff = user.IsInRole(Role.AccountManager) || user.IsInRole(Role.ProviderAdmin);
        var admin = await AdminAsync();
        if (admin is null && !staff) return NotAdmin();
        if (SubsidiaryControl.OnlyStaffMayGive(reason) && !staff)
            return SubsidiaryResult.Refused(T["Only the Provider decides that an entity competes with it."]);
        if (!SubsidiaryControl.OnlyStaffMayGive(reason) && admin is null)
            return SubsidiaryResult.Refused(T["Only the Client's administrators end a Subsidiary for control or a sale."]);
        if (note?.Trim().Length > 500) return SubsidiaryResult.Refused(T["Keep the note under 500 characters."]);

        await using var db = await data.OpenAsync();
        var subsidiary = await db.Subsidiaries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subsidiaryId);
        if (subsidiary is null || (admin is not null && subsidiary.ClientId != admin.ClientId)
            || (AssignedOnlyTo(user) is { } staffId && !await db.ClientAssignments.AnyAsync(a => a.ClientId == subsidiary.ClientId && a.StaffUserId == staffId)))
            return SubsidiaryResult.Refused(T["This Subsidiary does not exist."]);

        await using var tx = await ClientLock.TakeAsync(db, subsidiary.ClientId);
        var tracked = await db.Subsidiaries.SingleAsync(s => s.Id == subsidiaryId);
        if (!tracked.IsActive) return SubsidiaryResult.Done(T["{0} had already ended.", tracked.LegalName]);
        var members = await db.Users.Where(u => u.SubsidiaryId == subsidiaryId && u.DeactivatedAt == null).ToListAsync();
        if (admin is not null && members.Any(m => m.Id == admin.UserId))
            return SubsidiaryResult.Refused(T["You belong to this Subsidiary: move your own account to your company first."]);
        if (await SeatService.LastAdminProblemAsync(db, subsidiary.ClientId, members.Select(m => m.Id).ToList()) is { } last)
            return SubsidiaryResult.Refused(T[last]);

        var now = clock.GetUtcNow();
        tracked.EndedAt = now;
        tracked.EndReason = reason;
        tracked.EndNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        tracked.EndedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await SeatService.DeactivateAsync(db, members, now);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        signedOut.SignOut(members.Select(m => m.Id));
        return SubsidiaryResult.Done(members.Count == 0
            ? T["{0} ended.", tracked.LegalName]
            : T["{0} ended; its {1} User(s) lost access.", tracked.LegalName, members.Count]);
    }

    /// <summary>An AccountManager sees only their assigned Clients; a ProviderAdmin sees all; null for everyone else.</summary>
    private static string? AssignedOnlyTo(ClaimsPrincipal user) =>
        user.IsInRole(Role.AccountManager) && !user.IsInRole(Role.ProviderAdmin) ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private sealed record Admin(Guid ClientId, string UserId);

    private async Task<Admin?> AdminAsync()
    {
        var user = await data.PrincipalAsync();
        return user.IsInRole(Role.ClientAdmin) && PortalClaims.ClientIdOf(user) is { } clientId
               && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? new Admin(clientId, userId) : null;
    }

    private SubsidiaryResult NotAdmin() => SubsidiaryResult.Refused(T["Only your company's administrators can manage Subsidiaries."]);
}

/// <param name="ActiveUsers">Users of the Subsidiary who hold a seat now.</param>
public sealed record SubsidiaryRow(
    Guid Id, string Client, string LegalName, string? RegistrationNumber, string Country, decimal ControlPercent,
    DateTimeOffset? AgreementNotifiedAt, string? AgreementNotifiedBy, DateTimeOffset? EndedAt, SubsidiaryEndReason? EndReason,
    string? EndNote, string? EndedBy, int ActiveUsers);

public sealed class NewSubsidiary
{
    public string? LegalName { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? Country { get; set; }
    public decimal? ControlPercent { get; set; }
    public bool AgreementNotified { get; set; }
}

public sealed record SubsidiaryResult(string? Error, string? Message)
{
    public bool Succeeded => Error is null;
    public static SubsidiaryResult Done(string message) => new(null, message);
    public static SubsidiaryResult Refused(string error) => new(error, null);
}
