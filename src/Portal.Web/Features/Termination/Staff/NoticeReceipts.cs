using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Termination.Staff;

/// <summary>
/// Provider staff follow the notices: the AccountManager assigned to the Client, or a ProviderAdmin, records the registered
/// letter's receipt (it sets a breach notice's effective date) and marks a breach cured; Support reads only. An
/// AccountManager sees only the Clients assigned to them.
/// </summary>
public sealed class NoticeReceipts(PersonDatabase data, NoticeEmails emails, TimeProvider clock, IStringLocalizer<UserText> T)
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

    public async Task<string?> RecordReceiptAsync(Guid noticeId, DateOnly? receivedOn, CancellationToken ct = default)
    {
        if (receivedOn is not { } day) return T["Enter the date the registered letter arrived."];
        return await ActAsync(noticeId, async (db, notice) =>
        {
            var term = (await db.OrderForms.AsNoTracking().CurrentOrderForm(notice.ClientId, Today).FirstAsync(ct)).Term;
            // SEO §14.1, §14.2: a breach notice takes effect from its receipt.
            return notice.MarkReceived(day, Today, term) is { } refusal ? TerminationText.Say(T, refusal) : null;
        }, ct);
    }

    public Task<string?> MarkCuredAsync(Guid noticeId, CancellationToken ct = default) =>
        ActAsync(noticeId, (_, notice) => Task.FromResult(
            notice.MarkCured(Today, clock.GetUtcNow()) is { } refusal ? TerminationText.Say(T, refusal) : null), ct);

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
