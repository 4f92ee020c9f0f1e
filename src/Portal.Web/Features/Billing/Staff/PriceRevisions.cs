using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Billing.Staff;

/// <summary>
/// SEO §10.3: at each anniversary, staff enter the new Syntec index, check the revised prices, and apply them. The
/// revision is recorded (the order form keeps its signed prices); invoices of periods starting on or after the
/// anniversary take the new prices, and the Client's administrators are told at once (the announcement).
/// </summary>
public sealed class PriceRevisions(PersonDatabase data, TimeProvider clock, IStringLocalizer<UserText> T)
{
    public async Task<IReadOnlyList<RevisableClient>> ClientsAsync()
    {
        var user = await data.PrincipalAsync();
        await using var db = await data.OpenAsync();
        var clients = await db.Clients.AsNoTracking().Where(c => c.AccessClosedAt == null && c.OrderForms.Any())
            .OrderBy(c => c.LegalName).Select(c => new RevisableClient(c.Id, c.Number, c.LegalName)).ToListAsync();
        var mine = new List<RevisableClient>();
        foreach (var client in clients)
            if (await StaffAccess.MayActForAsync(user, db, client.Id)) mine.Add(client);
        return mine;
    }

    /// <summary>Null when the Client is unknown or not this person's to revise.</summary>
    public async Task<RevisionDesk?> PrepareAsync(Guid clientId)
    {
        await using var db = await data.OpenAsync();
        if (!await StaffAccess.MayActForAsync(await data.PrincipalAsync(), db, clientId)) return null;
        var form = await db.OrderForms.AsNoTracking().Include(f => f.Lines.OrderBy(l => l.Id))
            .CurrentOrderForm(clientId, clock.Today()).FirstOrDefaultAsync();
        if (form is null) return null;
        var history = await db.PriceRevisions.AsNoTracking().Where(r => r.OrderFormId == form.Id).OrderBy(r => r.Anniversary).ToListAsync();

        var today = clock.Today();
        var current = form.Term.PeriodOn(today);
        var anniversary = current.End.AddDays(1);
        var announceBy = PriceRevisionRule.AnnounceBy(current);
        var refusal = PriceRevisionRule.RefusalFor(form.PaymentMethod, form.IsTrial, anniversary, announceBy, today,
            history.Any(r => r.Anniversary == anniversary));
        return new RevisionDesk(clientId, form.PaymentMethod, anniversary, announceBy,
            PriceRevisionRule.IndexInForce(form.SyntecBaseIndex, history),
            PriceRevisionRule.LinesOn(form.Lines.Select(ScheduledLine.From), history, anniversary), history, refusal);
    }

    /// <returns>Null when applied; otherwise why not.</returns>
    public async Task<string?> ApplyAsync(Guid clientId, decimal newIndex)
    {
        // Prepared again on the server: the page's view may be stale, and it is not trusted with the rule.
        var desk = await PrepareAsync(clientId);
        if (desk is null) return Receivables.NotYours;
        if (desk.Refusal is not null) return desk.Refusal;
        if (desk.PreviousIndex is not { } previous) return "The order form has no Syntec base index: record it on the order form first.";
        var preview = PriceRevisionRule.Preview(desk.Method, desk.Lines, previous, newIndex);
        if (!preview.IsAllowed) return preview.Refusal;

        await using var db = await data.OpenAsync();
        var form = await db.OrderForms.AsNoTracking().CurrentOrderForm(clientId, clock.Today()).FirstAsync();
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId);
        db.PriceRevisions.Add(new PriceRevision
        {
            ClientId = clientId, OrderFormId = form.Id, Anniversary = desk.Anniversary, PreviousIndex = previous, NewIndex = newIndex,
            AppliedAt = clock.GetUtcNow(), AppliedByUserId = db.Actor.UserId ?? "system",
        });
        foreach (var admin in await db.ClientAdmins(clientId).ToListAsync())
        {
            var mail = PriceRevisionEmail.For(T, client.Culture, admin.DisplayName, desk.Anniversary, preview.Lines);
            Outbox.Enqueue(db, admin.Email!, admin.DisplayName, mail.Subject, mail.HtmlBody, clientId, $"PriceRevision:{form.Id}:{desk.Anniversary:yyyy-MM-dd}:{admin.Id}");
        }
        await db.SaveChangesAsync();
        return null;
    }
}

public sealed record RevisableClient(Guid Id, string Number, string Name);

/// <param name="Anniversary">The first day of the next period: the day the revised prices apply from.</param>
/// <param name="PreviousIndex">S(t-1): the last revision's index, or the order form's base index.</param>
/// <param name="Lines">The lines at the prices in force before this revision.</param>
/// <param name="Refusal">Why no revision can be entered now; null when it can.</param>
public sealed record RevisionDesk(Guid ClientId, PaymentMethod Method, DateOnly Anniversary, DateOnly AnnounceBy, decimal? PreviousIndex,
    IReadOnlyList<ScheduledLine> Lines, IReadOnlyList<PriceRevision> History, string? Refusal);
