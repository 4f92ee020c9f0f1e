using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Shared;

namespace Portal.Web.Features.Termination;

/// <summary>What happens when a notice takes effect, once: the final indemnity invoice, the status, and access closing.</summary>
public sealed class NoticeEffect(
    IDbContextFactory<PortalDb> factory,
    InvoiceIssuer issuer,
    NoticeEmails emails,
    TimeProvider clock,
    IStringLocalizer<UserText> T,
    ILogger<NoticeEffect> log)
{
    /// <summary>False when the notice is no longer open (withdrawn, cured, or already effective).</summary>
    public async Task<bool> TakeEffectAsync(Guid noticeId, CancellationToken ct = default)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        var notice = await db.TerminationNotices.SingleAsync(n => n.Id == noticeId, ct);
        if (!notice.IsOpen) return false;
        var client = await db.Clients.SingleAsync(c => c.Id == notice.ClientId, ct);

        // SEO §14.4: the indemnity (every fee still to be invoiced up to the contractual end) is invoiced on the date of
        // termination, once: the issuer keys it by the notice. SEO §14.3: an amendment termination owes nothing more.
        if (notice.Kind != TerminationKind.Amendment
            && await db.OrderForms.AsNoTracking().CurrentOrderForm(client.Id, clock.Today()).FirstOrDefaultAsync(ct) is { } form)
            await issuer.IssueFinalAsync(client.Id, TerminationRules.ContractualEnd(notice.Kind, notice.EffectiveOn, form.Term),
                FinalInvoiceReason(notice), ct);

        notice.TakeEffect(clock.Today(), clock.GetUtcNow());
        // SEO §8.3: access closes at the end of the last day of service, in UTC.
        client.AccessClosedAt ??= new DateTimeOffset(notice.EffectiveOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // A new security stamp ends the sessions still open at the cookie's next check.
        foreach (var user in await db.Users.Where(u => u.ClientId == client.Id).ToListAsync(ct))
            user.SecurityStamp = Guid.NewGuid().ToString();
        await emails.EnqueueStatusAsync(db, client, notice, T, ct);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Termination notice {Id} of Client {Client} took effect; access closed at {At:u}", notice.Id, client.Number, client.AccessClosedAt);
        return true;
    }

    public static string FinalInvoiceReason(TerminationNotice notice) => $"Termination:{notice.Id}";
}
