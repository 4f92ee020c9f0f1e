using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Staff.Clients;
using Portal.Web.Shared;

namespace Portal.Web.Features.Termination.Staff;

/// <summary>
/// Provider staff follow the notices: the AccountManager assigned to the Client, or a ProviderAdmin, records the registered
/// letter's receipt (it sets a breach notice's effective date), marks a breach cured, and enters the monthly availability
/// figures; Support reads only. An AccountManager sees only the Clients assigned to them.
/// </summary>
public sealed class NoticeFollowUp(PortalData data, NoticeEmails emails, TimeProvider clock, IStringLocalizer<Text> T)
{
    public DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<FollowUpRow>> NoticesAsync(bool openOnly, CancellationToken ct = default)
    {
        var (user, userId) = await UserAsync();
        await using var db = await data.OpenAsync();
        var notices = db.TerminationNotices.AsNoTracking().Where(n => !openOnly
            || n.Status == TerminationStatus.Filed || n.Status == TerminationStatus.Received);
        var rows = await TerminationService.NoticeRows(db, VisibleTo(db, user, userId, notices)).ToListAsync(ct);
        return rows.Select(r => new FollowUpRow(r, CanAct(user))).ToList();
    }

    public async Task<IReadOnlyList<ClientChoice>> ClientsAsync(CancellationToken ct = default)
    {
        var (user, userId) = await UserAsync();
        await using var db = await data.OpenAsync();
        var clients = db.Clients.AsNoTracking();
        if (!user.IsInRole(Role.ProviderAdmin) && !user.IsInRole(Role.Support))
            clients = clients.Where(c => db.ClientAssignments.Any(a => a.ClientId == c.Id && a.StaffUserId == userId));
        return await clients.OrderBy(c => c.Number).Select(c => new ClientChoice(c.Id, c.LegalName, c.Number)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SlaMonth>> SlaAsync(Guid clientId, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        return await db.SlaMonths.AsNoTracking().Where(m => m.ClientId == clientId).OrderBy(m => m.Month).ToListAsync(ct);
    }

    public async Task<string?> RecordReceiptAsync(Guid noticeId, DateOnly? receivedOn, CancellationToken ct = default)
    {
        if (receivedOn is not { } day) return T["Enter the date the registered letter arrived."];
        return await ActAsync(noticeId, async (db, notice) =>
        {
            var term = (await db.OrderForms.AsNoTracking().Where(f => f.ClientId == notice.ClientId)
                .OrderByDescending(f => f.EffectiveDate).FirstAsync(ct)).Term;
            // SEO §14.1, §14.2: a breach notice takes effect from its receipt.
            return notice.MarkReceived(day, Today, term) is { } refusal ? TerminationText.Say(T, refusal) : null;
        }, ct);
    }

    public Task<string?> MarkCuredAsync(Guid noticeId, CancellationToken ct = default) =>
        ActAsync(noticeId, (_, notice) => Task.FromResult(
            notice.MarkCured(Today, clock.GetUtcNow()) is { } refusal ? TerminationText.Say(T, refusal) : null), ct);

    /// <summary>Adds or corrects one month's availability figures; one row per Client and month.</summary>
    public async Task<string?> SaveSlaAsync(Guid clientId, DateOnly? month, decimal? availability, decimal? target, CancellationToken ct = default)
    {
        var (user, userId) = await UserAsync();
        if (month is null || availability is null || target is null) return T["Enter the month, the availability measured and the target."];
        if (availability is < 0 or > 100 || target is <= 0 or > 100) return T["Percentages are between 0 and 100."];
        var first = new DateOnly(month.Value.Year, month.Value.Month, 1);
        if (first > Today) return T["A month in the future cannot be measured yet."];
        await using var db = await data.OpenAsync();
        if (!await StaffAccess.MayActForAsync(user, db, clientId, ct)) return T["Only the Client's AccountManager or a ProviderAdmin can do this."];
        var row = await db.SlaMonths.SingleOrDefaultAsync(m => m.ClientId == clientId && m.Month == first, ct);
        if (row is null) db.SlaMonths.Add(row = new SlaMonth { ClientId = clientId, Month = first });
        (row.AvailabilityPercent, row.TargetPercent) = (availability.Value, target.Value);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<string?> ActAsync(Guid noticeId, Func<PortalDb, TerminationNotice, Task<string?>> change, CancellationToken ct)
    {
        var (user, userId) = await UserAsync();
        await using var db = await data.OpenAsync();
        if (await db.TerminationNotices.SingleOrDefaultAsync(n => n.Id == noticeId, ct) is not { } notice) return T["This notice does not exist."];
        if (!await StaffAccess.MayActForAsync(user, db, notice.ClientId, ct)) return T["Only the Client's AccountManager or a ProviderAdmin can do this."];
        if (await change(db, notice) is { } problem) return problem;
        var client = await db.Clients.SingleAsync(c => c.Id == notice.ClientId, ct);
        await emails.EnqueueStatusAsync(db, client, notice, T, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static bool CanAct(ClaimsPrincipal user) => user.IsInRole(Role.ProviderAdmin) || user.IsInRole(Role.AccountManager);

    private static IQueryable<TerminationNotice> VisibleTo(PortalDb db, ClaimsPrincipal user, string userId, IQueryable<TerminationNotice> notices) =>
        user.IsInRole(Role.ProviderAdmin) || user.IsInRole(Role.Support)
            ? notices
            : notices.Where(n => db.ClientAssignments.Any(a => a.ClientId == n.ClientId && a.StaffUserId == userId));

    private async Task<(ClaimsPrincipal User, string UserId)> UserAsync()
    {
        var user = await data.PrincipalAsync();
        return (user, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
    }
}

/// <param name="CanAct">The reader may record receipts and cures (their assignment is checked again on save).</param>
public sealed record FollowUpRow(NoticeRow Row, bool CanAct);

public sealed record ClientChoice(Guid Id, string Name, string Number);
