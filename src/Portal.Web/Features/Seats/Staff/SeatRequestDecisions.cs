using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Billing;
using Portal.Domain.People;
using Portal.Domain.Seats;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Seats.Staff;

/// <summary>
/// The AccountManager's side of seat requests: only an AccountManager assigned to the Client, or a ProviderAdmin,
/// decides. Approval raises the order form's cap and leaves a pro-rata charge for the Client's next invoice,
/// in one save.
/// </summary>
public sealed class SeatRequestDecisions(PersonDatabase data, TimeProvider clock, IStringLocalizer<UserText> T)
{
    public async Task<IReadOnlyList<SeatRequestRow>> ListAsync(SeatRequestStatus? status)
    {
        if (await DeciderAsync() is not { } decider) return [];
        await using var db = await data.OpenAsync();
        var requests = MayDecide(db, decider);
        var forms = db.OrderForms.CurrentOrderForm(clock.Today());
        var seatHolders = db.Users.SeatHolders();
        if (status is { } s) requests = requests.Where(r => r.Status == s);
        var rows = await (
            from r in requests
            join c in db.Clients on r.ClientId equals c.Id
            select new SeatRequestRow(
                r.Id, c.LegalName, c.Number, r.ExtraSeats, r.QuotedPriceExclVat, r.RequestedAt,
                db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                r.Status, r.DecidedAt, db.Users.Where(u => u.Id == r.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                r.DecisionNote,
                forms.Where(o => o.ClientId == r.ClientId).Select(o => o.SeatCap).FirstOrDefault(),
                seatHolders.Count(u => u.ClientId == r.ClientId))).ToListAsync();
        // Pending first (oldest first: they have waited longest), then decisions, newest first.
        return rows.OrderBy(r => r.Status != SeatRequestStatus.Pending)
            .ThenBy(r => r.Status == SeatRequestStatus.Pending ? r.RequestedAt.UtcTicks : -(r.DecidedAt ?? r.RequestedAt).UtcTicks).ToList();
    }

    /// <summary>Raises the cap and adds the charge for the rest of the current period, priced on the day of approval.</summary>
    public async Task<DecisionResult> ApproveAsync(Guid requestId)
    {
        if (await DeciderAsync() is not { } decider) return NotAllowed();
        await using var db = await data.OpenAsync();
        if (await MayDecide(db, decider).AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId) is not { } found) return NotFound();

        await using var tx = await ClientLock.TakeAsync(db, found.ClientId);
        var request = await db.SeatRequests.SingleAsync(r => r.Id == requestId);
        if (request.Status != SeatRequestStatus.Pending) return AlreadyDecided();
        if (await db.OrderForms.CurrentOrderForm(request.ClientId, clock.Today()).FirstOrDefaultAsync() is not { } form)
            return DecisionResult.Refused(T["This Client has no order form: record one first."]);

        var today = clock.Today();
        var now = clock.GetUtcNow();
        var periodEnd = form.Term.PeriodOn(today).End;
        form.SeatCap += request.ExtraSeats;
        // The seats are usable from the approval, so they are charged from that day, which is never more than the quote.
        var perSeat = ExtraSeatPrice.PerSeat(form.SeatPriceExclVat, form.Term, today);
        if (perSeat > 0)
            db.PendingCharges.Add(new PendingCharge
            {
                ClientId = request.ClientId, Source = $"SeatRequest:{request.Id}", CreatedAt = now, Quantity = request.ExtraSeats,
                UnitPriceExclVat = perSeat,
                Description = ChargeDescription(request.ExtraSeats, today, periodEnd,
                    await db.Clients.Where(c => c.Id == request.ClientId).Select(c => c.Culture).SingleAsync()),
            });
        request.Status = SeatRequestStatus.Approved;
        request.DecidedAt = now;
        request.DecidedByUserId = decider.UserId;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return DecisionResult.Done(T["Approved: the cap is now {0} seats; {1} will be on the Client's next invoice.",
            form.SeatCap, Culture.Eur(request.ExtraSeats * perSeat)]);
    }

    /// <summary>The invoice line's wording, in the Client's language like the rest of its invoice.</summary>
    internal static string ChargeDescription(int seats, DateOnly from, DateOnly to, string culture) => culture == "fr"
        ? $"{seats} licence(s) utilisateur supplémentaire(s), du {from:dd/MM/yyyy} au {to:dd/MM/yyyy}, au prorata"
        : $"{seats} extra named User seat(s), {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, pro rata";

    public async Task<DecisionResult> DeclineAsync(Guid requestId, string? reason)
    {
        if (await DeciderAsync() is not { } decider) return NotAllowed();
        if (string.IsNullOrWhiteSpace(reason)) return DecisionResult.Refused(T["Say why, so the Client knows what to do next."]);
        if (reason.Trim().Length > 500) return DecisionResult.Refused(T["Keep the note under 500 characters."]);
        await using var db = await data.OpenAsync();
        if (await MayDecide(db, decider).SingleOrDefaultAsync(r => r.Id == requestId) is not { } request) return NotFound();
        if (request.Status != SeatRequestStatus.Pending) return AlreadyDecided();
        request.Status = SeatRequestStatus.Declined;
        request.DecidedAt = clock.GetUtcNow();
        request.DecidedByUserId = decider.UserId;
        request.DecisionNote = reason.Trim();
        await db.SaveChangesAsync();
        return DecisionResult.Done(T["Declined."]);
    }

    private static IQueryable<SeatRequest> MayDecide(PortalDb db, Decider decider) =>
        decider.AllClients ? db.SeatRequests
            : db.SeatRequests.Where(r => db.ClientAssignments.Any(a => a.ClientId == r.ClientId && a.StaffUserId == decider.UserId));

    private sealed record Decider(string UserId, bool AllClients);

    private async Task<Decider?> DeciderAsync()
    {
        var user = await data.PrincipalAsync();
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || PortalClaims.ClientIdOf(user) is not null) return null;
        return user.IsInRole(Role.ProviderAdmin) ? new Decider(id, true)
            : user.IsInRole(Role.AccountManager) ? new Decider(id, false)
            : null;
    }

    private DecisionResult NotAllowed() => DecisionResult.Refused(T["Only the Client's account manager or a provider administrator decides seat requests."]);
    private DecisionResult NotFound() => DecisionResult.Refused(T["This request does not exist, or it is not yours to decide."]);
    private DecisionResult AlreadyDecided() => DecisionResult.Refused(T["This request was already decided."]);
}

public sealed record SeatRequestRow(
    Guid Id, string Client, string ClientNumber, int ExtraSeats, decimal QuotedPriceExclVat, DateTimeOffset RequestedAt,
    string RequestedBy, SeatRequestStatus Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionNote,
    int Cap, int Used);

public sealed record DecisionResult(string? Error, string? Message)
{
    public bool Succeeded => Error is null;
    public static DecisionResult Done(string message) => new(null, message);
    public static DecisionResult Refused(string error) => new(error, null);
}
