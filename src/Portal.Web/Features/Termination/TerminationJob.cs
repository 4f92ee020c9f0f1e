using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Jobs;

namespace Portal.Web.Features.Termination;

/// <summary>
/// At start-up and then hourly: a notice whose last day of service has passed takes effect (SEO §14.4: the final indemnity
/// invoice, except for an amendment termination; SEO §8.3: the Client's access closes), and the Client's administrators are
/// reminded 30 and 7 days before access closes to export their data. Idempotent: each step is done once.
/// </summary>
public sealed class TerminationJob(
    IDbContextFactory<PortalDb> factory,
    NoticeEffect effect,
    NoticeEmails emails,
    TimeProvider clock,
    IStringLocalizer<UserText> T,
    Microsoft.Extensions.Options.IOptions<PortalOptions> portalOptions, JobLeases leases,
    ILogger<TerminationJob> log) : PortalJob(clock, portalOptions, leases, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    /// <summary>Days before access closes when the export reminders go out, largest first.</summary>
    public static readonly int[] ReminderDays = [30, 7];

    /// <summary>Makes every due notice effective and sends the reminders due; returns how many notices took effect.</summary>
    protected override async Task<bool> RoundAsync(CancellationToken abort)
    {
        await RunOnceAsync(abort);
        return false;
    }

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var today = Clock.Today();
        List<TerminationNotice> open;
        await using (var db = await factory.OpenAsSystemAsync(Clock))
            open = await db.TerminationNotices.AsNoTracking()
                .Where(n => n.Status == TerminationStatus.Filed || n.Status == TerminationStatus.Received).ToListAsync(ct);

        var effective = 0;
        // The earliest notice of a Client ends its contract; a later one has nothing left to end.
        foreach (var notice in open.Where(n => n.EffectiveOn < today).GroupBy(n => n.ClientId).Select(g => g.MinBy(n => n.EffectiveOn)!))
            if (await effect.TakeEffectAsync(notice.Id, ct)) effective++;

        foreach (var notice in open.Where(n => n.EffectiveOn >= today))
            await RemindAsync(notice, today, ct);
        return effective;
    }

    private async Task RemindAsync(TerminationNotice notice, DateOnly today, CancellationToken ct)
    {
        // Access closes at the end of the last day of service: the day after it is the first without access.
        var daysLeft = notice.EffectiveOn.AddDays(1).DayNumber - today.DayNumber;
        var due = ReminderDays.Where(d => daysLeft <= d).Order().FirstOrDefault(); // 7 once inside the last week
        if (due == 0) return;
        var reason = $"Termination:{notice.Id}:ExportReminder:{due}";
        await using var db = await factory.OpenAsSystemAsync(Clock);
        if (await db.OutboxEmails.AnyAsync(m => m.Reason == reason, ct)) return;
        var client = await db.Clients.SingleAsync(c => c.Id == notice.ClientId, ct);
        await emails.EnqueueExportReminderAsync(db, client, notice, daysLeft, reason, T, ct);
        await db.SaveChangesAsync(ct);
    }
}
