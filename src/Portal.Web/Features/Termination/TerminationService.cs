using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Domain.Termination;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Termination;

/// <summary>
/// DOMAIN "Termination notices", for the signed-in ClientAdmin: what each kind of notice would do today, filing one
/// (with the confirmation of the Client's name), withdrawing one. Refused while impersonating (DOMAIN "Impersonation").
/// </summary>
public sealed class TerminationService(PersonDatabase data, NoticeEmails emails, NotWhileImpersonating guard, TimeProvider clock, IStringLocalizer<UserText> T)
{
    /// <summary>Null when the signed-in person sees no single Client.</summary>
    public async Task<TerminationOverview?> GetAsync(CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync();
        var clients = await db.Clients.AsNoTracking().Take(2).ToListAsync(ct);
        if (clients.Count != 1) return null;
        var client = clients[0];
        var today = clock.Today();
        var contract = await ContractAsync(db, client, today, ct);
        var notices = await NoticeRows(db).ToListAsync(ct);
        var sla = await db.SlaMonths.AsNoTracking().OrderBy(m => m.Month).ToListAsync(ct);
        var export = await db.DataExports.AsNoTracking().OrderByDescending(x => x.RequestedAt)
            .Select(x => new ExportView(x.Id, x.Status, x.Percent, x.FileName, x.RequestedAt, x.CompletedAt, x.Error))
            .FirstOrDefaultAsync(ct);
        return new TerminationOverview(client.LegalName, client.Number, today, contract, notices, sla, export);
    }

    /// <summary>Files a notice after checking the rules again; nothing is saved unless every check passes.</summary>
    public async Task<FilingResult> FileAsync(NoticeInput input, CancellationToken ct = default)
    {
        if (await guard.RefusalAsync(GuardedAction.FileNotice, ct) is { } impersonating) return FilingResult.Refused(impersonating);
        var user = await data.PrincipalAsync();
        if (!user.IsInRole(Role.ClientAdmin) || PortalClaims.ClientIdOf(user) is not { } clientId
            || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            return FilingResult.Refused(T["Only your company's administrators can file a termination notice."]);

        await using var db = await data.OpenAsync();
        var client = await db.Clients.SingleAsync(c => c.Id == clientId, ct);
        if (input.Problem(client.LegalName) is { } problem) return FilingResult.Refused(T[problem]);

        var today = clock.Today();
        var contract = await ContractAsync(db, client, today, ct);
        if (contract is null) return FilingResult.Refused(T["No order form is on file for your company: there is no contract to terminate."]);
        var option = contract.Options.Single(o => o.Assessment.Kind == input.Kind);
        var assessment = input.Kind == TerminationKind.Amendment
            ? TerminationRules.Assess(input.Kind, contract.Facts, input.CitedVersionId)
            : option.Assessment;
        if (assessment.Refusal is { } refusal) return FilingResult.Refused(TerminationText.Say(T, refusal));

        var now = clock.GetUtcNow();
        var notice = new TerminationNotice
        {
            ClientId = clientId, Kind = input.Kind, FiledAt = now, FiledByUserId = userId,
            Reason = Clean(input.Reason), BreachDescription = input.Kind is TerminationKind.MaterialBreach or TerminationKind.AvailabilityBreach
                ? Clean(input.BreachDescription) : null,
            CitedDocumentVersionId = input.Kind == TerminationKind.Amendment ? input.CitedVersionId : null,
            EffectiveOn = assessment.EffectiveOn!.Value,
        };
        db.TerminationNotices.Add(notice);
        // SEO §8.3: from the moment a notice is filed, the Client's data is gathered for export.
        db.DataExports.Add(new DataExport { ClientId = clientId, RequestedByUserId = userId, RequestedAt = now });
        await emails.EnqueueFiledAsync(db, client, notice, T, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator filed the same kind between our check and our save: the unique index refused ours.
            return FilingResult.Refused(T["A notice of this kind is already open. Withdraw it first if you want to file a new one."]);
        }
        return new FilingResult(notice.Id, null);
    }

    public async Task<string?> WithdrawAsync(Guid noticeId, CancellationToken ct = default)
    {
        if (await guard.RefusalAsync(GuardedAction.WithdrawNotice, ct) is { } impersonating) return impersonating;
        var user = await data.PrincipalAsync();
        if (!user.IsInRole(Role.ClientAdmin) || PortalClaims.ClientIdOf(user) is null)
            return T["Only your company's administrators can withdraw a termination notice."];

        await using var db = await data.OpenAsync();
        if (await db.TerminationNotices.SingleOrDefaultAsync(n => n.Id == noticeId, ct) is not { } notice)
            return T["This notice does not exist."];
        if (notice.Withdraw(clock.Today(), clock.GetUtcNow()) is { } refusal) return TerminationText.Say(T, refusal);
        var client = await db.Clients.SingleAsync(c => c.Id == notice.ClientId, ct);
        await emails.EnqueueStatusAsync(db, client, notice, T, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Queues a fresh export of the Client's data; the background job builds it.</summary>
    public async Task<string?> RequestExportAsync(CancellationToken ct = default)
    {
        var user = await data.PrincipalAsync();
        if (!user.IsInRole(Role.ClientAdmin) || PortalClaims.ClientIdOf(user) is not { } clientId)
            return T["Only your company's administrators can export its data."];
        await using var db = await data.OpenAsync();
        if (await db.DataExports.AnyAsync(x => x.Status == DataExportStatus.Queued || x.Status == DataExportStatus.Building, ct))
            return T["An export is already being prepared."];
        db.DataExports.Add(new DataExport
        {
            ClientId = clientId, RequestedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), RequestedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The Client's contract as the rules see it, with what each kind of notice would do today; null without an order form.</summary>
    internal static async Task<ContractView?> ContractAsync(PortalDb db, Client client, DateOnly today, CancellationToken ct)
    {
        var form = await db.OrderForms.AsNoTracking().Include(o => o.Lines).CurrentOrderForm(client.Id, today).FirstOrDefaultAsync(ct);
        if (form is null) return null;
        var now = db.Clock.GetUtcNow();
        var facts = new TerminationFacts(form.Term, today,
            await db.TerminationNotices.AsNoTracking().Where(n => n.ClientId == client.Id).ToListAsync(ct),
            await db.SlaMonths.AsNoTracking().Where(m => m.ClientId == client.Id).ToListAsync(ct),
            await db.DocumentVersions.AsNoTracking().Where(v => v.PublishedAt <= now && v.MateriallyReducesService).ToListAsync(ct));

        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .Where(i => i.ClientId == client.Id).ToListAsync(ct);
        var unpaid = invoices.Sum(i => i.AmountOutstanding);
        var invoicedKeys = invoices.Where(i => i.OrderFormId == form.Id && i.ScheduleKey != null).Select(i => i.ScheduleKey!).ToHashSet();
        var vatRate = VatRule.For(client.Country, client.VatNumber).Rate;
        var lines = form.Lines.Select(ScheduledLine.From).ToList();

        var options = TerminationRules.Kinds.Select(kind =>
        {
            var assessment = TerminationRules.Assess(kind, facts);
            var owed = assessment.EffectiveOn is { } lastDay
                ? TerminationRules.Owed(kind, lastDay, form.Term, BillingTerms.From(form), lines, invoicedKeys, unpaid, vatRate)
                : null;
            return new KindOption(assessment, owed);
        }).ToList();
        return new ContractView(form.Reference, form.Term.PeriodOn(today), facts, options,
            TerminationRules.AmendmentsOpen(facts.Versions, today), TerminationRules.AvailabilityBreach(facts.SlaMonths));
    }

    internal static IQueryable<NoticeRow> NoticeRows(PortalDb db, IQueryable<TerminationNotice>? notices = null) =>
        from n in notices ?? db.TerminationNotices.AsNoTracking()
        join c in db.Clients on n.ClientId equals c.Id
        join u in db.Users on n.FiledByUserId equals u.Id into filers
        from u in filers.DefaultIfEmpty()
        join v in db.DocumentVersions on n.CitedDocumentVersionId equals v.Id into cited
        from v in cited.DefaultIfEmpty()
        orderby n.FiledAt descending
        select new NoticeRow(n, c.LegalName, c.Number, u == null ? "" : u.DisplayName, v == null ? null : v.Label);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the ClientAdmin fills in; <see cref="Problem"/> says what is missing, before any rule is checked.</summary>
public sealed class NoticeInput
{
    public const int MinimumBreachDescription = 30;

    public TerminationKind Kind { get; set; } = TerminationKind.NonRenewal;
    public string? Reason { get; set; }
    public string? BreachDescription { get; set; }
    public Guid? CitedVersionId { get; set; }

    /// <summary>The Client's legal name typed again: a notice ends the contract, so it is never filed by a stray click.</summary>
    public string? ConfirmationName { get; set; }

    public string? Problem(string clientLegalName) => DetailsProblem() ?? ConfirmationProblem(clientLegalName);

    /// <summary>What the notice must say for its kind.</summary>
    public string? DetailsProblem() =>
        Kind is TerminationKind.MaterialBreach or TerminationKind.AvailabilityBreach
        && (BreachDescription?.Trim().Length ?? 0) < MinimumBreachDescription
            ? "Describe the breach in a few sentences (at least 30 characters): the notice must detail it."
        : Kind == TerminationKind.Amendment && CitedVersionId is null
            ? "Choose the amendment this notice cites."
        : null;

    public string? ConfirmationProblem(string clientLegalName) =>
        string.Equals(ConfirmationName?.Trim(), clientLegalName.Trim(), StringComparison.OrdinalIgnoreCase)
            ? null : "Type your company's name exactly as shown to confirm.";
}

public sealed record FilingResult(Guid? NoticeId, string? Error)
{
    public static FilingResult Refused(string error) => new(null, error);
}

public sealed record KindOption(TerminationAssessment Assessment, MoneyOwed? Owed);

public sealed record ContractView(string OrderFormReference, Portal.Domain.Subscription.ServicePeriod Current, TerminationFacts Facts,
    IReadOnlyList<KindOption> Options, IReadOnlyList<QualifyingAmendment> Amendments, IReadOnlyList<SlaMonth>? SlaBreach);

public sealed record NoticeRow(TerminationNotice Notice, string Client, string ClientNumber, string FiledBy, string? CitedLabel)
{
    public string Reference => TerminationText.Reference(Notice);
}

public sealed record ExportView(Guid Id, DataExportStatus Status, int Percent, string? FileName, DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt, string? Error)
{
    public bool InProgress => Status is DataExportStatus.Queued or DataExportStatus.Building;
}

public sealed record TerminationOverview(string ClientName, string ClientNumber, DateOnly Today, ContractView? Contract,
    IReadOnlyList<NoticeRow> Notices, IReadOnlyList<SlaMonth> Sla, ExportView? LatestExport);
