using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Web.Features.Termination;

/// <summary>
/// The e-mails a notice sends: to the Client's AccountManagers and its ClientAdmins, each in their own language, queued on
/// the caller's PortalDb so they go out only if the change is saved. Recipients are read as the portal itself: a Client's
/// people cannot read the Provider's staff accounts.
/// </summary>
public sealed class NoticeEmails(IDbContextFactory<PortalDb> factory, TimeProvider clock)
{
    public async Task EnqueueFiledAsync(PortalDb db, Client client, TerminationNotice notice, IStringLocalizer T, CancellationToken ct)
    {
        foreach (var r in await RecipientsAsync(client, ct))
        {
            var (subject, body) = Culture.In(r.Culture, () => (
                T["Termination notice filed: {0}, {1}", T[TerminationText.KindName(notice.Kind)], client.LegalName].Value,
                P(T["{0} filed a notice of {1} on {2} (reference {3}).", client.LegalName, T[TerminationText.KindName(notice.Kind)],
                    Culture.Date(DateOnly.FromDateTime(notice.FiledAt.UtcDateTime)), TerminationText.Reference(notice)]) +
                LastDay(T, notice) +
                P(r.IsStaff
                    ? T["Record the date the registered letter arrives in the portal: it sets the effective date of a breach notice."]
                    : T["Print the notice from the portal and send it by registered mail with acknowledgement of receipt. Export your data before access closes."])));
            Outbox.Enqueue(db, r.Email, r.Name, subject, body, client.Id, $"Termination:{notice.Id}:Filed:{r.Email}");
        }
    }

    /// <summary>A notice changed status (received, withdrawn, cured, effective).</summary>
    public async Task EnqueueStatusAsync(PortalDb db, Client client, TerminationNotice notice, IStringLocalizer T, CancellationToken ct)
    {
        foreach (var r in await RecipientsAsync(client, ct))
        {
            var (subject, body) = Culture.In(r.Culture, () => (
                T["Termination notice {0}: {1}", TerminationText.Reference(notice), T[TerminationText.StatusName(notice.Status)]].Value,
                P(T["The notice of {0} of {1} is now: {2}.", T[TerminationText.KindName(notice.Kind)], client.LegalName,
                    T[TerminationText.StatusName(notice.Status)]]) +
                (TerminationRules.Counts(notice.Status) ? LastDay(T, notice) : "")));
            Outbox.Enqueue(db, r.Email, r.Name, subject, body, client.Id, $"Termination:{notice.Id}:{notice.Status}:{r.Email}");
        }
    }

    /// <summary>SEO §8.3: reminds the Client's administrators to export their data before access closes.</summary>
    public async Task EnqueueExportReminderAsync(PortalDb db, Client client, TerminationNotice notice, int daysLeft, string reason,
        IStringLocalizer T, CancellationToken ct)
    {
        foreach (var r in (await RecipientsAsync(client, ct)).Where(r => !r.IsStaff))
        {
            var (subject, body) = Culture.In(r.Culture, () => (
                T["Access to the portal closes in {0} days: export your data", daysLeft].Value,
                LastDay(T, notice) +
                P(T["Before then, download all your data (invoices, users, subsidiaries, acceptance records and a contract summary) in one archive from the Termination page of the portal."])));
            Outbox.Enqueue(db, r.Email, r.Name, subject, body, client.Id, reason);
        }
    }

    private static string LastDay(IStringLocalizer T, TerminationNotice notice) =>
        P(T["Last day of service: {0}. Access to the portal closes at the end of that day (UTC).", Culture.Date(notice.EffectiveOn)]);

    private static string P(string text) => $"<p style=\"margin:0 0 12px\">{WebUtility.HtmlEncode(text)}</p>";

    private async Task<List<Recipient>> RecipientsAsync(Client client, CancellationToken ct)
    {
        await using var db = await factory.OpenAsSystemAsync(clock);
        var staff = await (from a in db.ClientAssignments
                           join u in db.Users on a.StaffUserId equals u.Id
                           where a.ClientId == client.Id && u.DeactivatedAt == null && u.Email != null
                           select new Recipient(u.Email!, u.DisplayName, u.Culture ?? "en", true)).ToListAsync(ct);
        var admins = await db.ClientAdmins(client.Id)
            .Select(u => new Recipient(u.Email!, u.DisplayName, u.Culture ?? client.Culture, false)).ToListAsync(ct);
        return [.. staff, .. admins];
    }

    private sealed record Recipient(string Email, string Name, string Culture, bool IsStaff);
}
