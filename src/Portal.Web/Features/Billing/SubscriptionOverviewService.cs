using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Subscription;
using Portal.Web.Shared;
using Portal.Web.Data;

namespace Portal.Web.Features.Billing;

/// <summary>
/// Where the signed-in Client's contract stands (SEO §3, §10.3, §11.1.2): read through <see cref="PersonDatabase"/>,
/// so the tenancy filter makes the Client's own order form the only one found.
/// </summary>
public sealed class SubscriptionOverviewService(PersonDatabase data, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>Null when the Client has no order form yet.</summary>
    public async Task<SubscriptionOverview?> GetAsync()
    {
        await using var db = await data.OpenAsync();
        var form = await db.OrderForms.AsNoTracking().Include(o => o.Lines).CurrentOrderForm(Today).FirstOrDefaultAsync();
        if (form is null) return null;

        var revisions = await db.PriceRevisions.AsNoTracking().Where(r => r.OrderFormId == form.Id)
            .OrderBy(r => r.Anniversary).ToListAsync();
        var mandate = await SepaMandateService.ActiveMandateAsync(db);

        var today = Today;
        var term = form.Term;
        var current = term.PeriodOn(today);
        return new SubscriptionOverview(
            form.Reference, form.SignedOn, form.EffectiveDate, form.BillingFrequency, form.PaymentMethod,
            form.InitialPeriodMonths, form.ExtensionPeriodMonths, form.NoticePeriodMonths,
            current.IsInitial ? null : term.Period(current.Number - 1), current, term.Period(current.Number + 1), today,
            form.TrialEndsOn, form.PartnerName, form.PurchaseOrderReference,
            LinesInForce(form, revisions, today), revisions, mandate);
    }

    private static List<OrderLine> LinesInForce(OrderForm form, IReadOnlyList<PriceRevision> revisions, DateOnly today)
    {
        var lines = form.Lines.OrderBy(l => l.Id).ToList();
        var prices = PriceRevisionRule.LinesOn(lines.Select(ScheduledLine.From), revisions, today);
        return [.. lines.Zip(prices, (l, p) => new OrderLine
        {
            Id = l.Id, OrderFormId = l.OrderFormId, Description = l.Description, Kind = l.Kind, Quantity = l.Quantity, UnitPriceExclVat = p.UnitPriceExclVat,
        })];
    }
}

/// <param name="Lines">The order form's lines at the prices in force today, after any revision (SEO §10.3).</param>
/// <param name="Previous">The period before the current one; null during the Initial Service Period.</param>
/// <param name="Mandate">The SEPA mandate in force, if any.</param>
public sealed record SubscriptionOverview(
    string OrderFormReference, DateOnly SignedOn, DateOnly EffectiveDate, BillingFrequency BillingFrequency, PaymentMethod PaymentMethod,
    int InitialMonths, int ExtensionMonths, int NoticeMonths,
    ServicePeriod? Previous, ServicePeriod Current, ServicePeriod Next, DateOnly Today,
    DateOnly? TrialEndsOn, string? PartnerName, string? PurchaseOrderReference,
    IReadOnlyList<OrderLine> Lines, IReadOnlyList<PriceRevision> Revisions, MandateView? Mandate)
{
    /// <summary>Days left to file a non-renewal notice that ends the contract with the current period; negative once passed.</summary>
    public int DaysToNoticeDeadline => Current.DaysToNoticeDeadline(Today);

    /// <summary>The last 30 days before the deadline: the page highlights it.</summary>
    public bool NoticeDeadlineSoon => DaysToNoticeDeadline is >= 0 and <= 30;

    /// <summary>If nothing is filed, the next Extended Service Period starts the day after the current one ends.</summary>
    public DateOnly RenewsOn => Next.Start;

    /// <summary>How far through the current period today is, 0–100.</summary>
    public double PercentElapsed
    {
        get
        {
            var total = Current.End.DayNumber - Current.Start.DayNumber + 1;
            var done = Math.Clamp(Today.DayNumber - Current.Start.DayNumber + 1, 0, total);
            return Math.Round(100.0 * done / total, 1);
        }
    }

    /// <summary>SEO §11.1.2: monthly billing needs a SEPA mandate by the Effective Date.</summary>
    public bool MandateRequired => BillingFrequency == BillingFrequency.Monthly;

    public bool MandateMissing => MandateRequired && Mandate is null;

    /// <summary>SEO §11.1.2: from this day a missing mandate allows suspension, while billing goes on.</summary>
    public DateOnly SuspensionForMissingMandateFrom => EffectiveDate.AddDays(Suspension.MandateGraceDays);

    public bool SuspensionAllowedNow =>
        Suspension.AllowedForMissingMandate(EffectiveDate, BillingFrequency, Mandate?.SignedOn, Today);
}

/// <summary>A SEPA mandate as the page shows it: never the full IBAN.</summary>
public sealed record MandateView(Guid Id, string MaskedIban, string Bic, DateTimeOffset SignedAt, string SignedBy)
{
    public DateOnly SignedOn => DateOnly.FromDateTime(SignedAt.UtcDateTime);
}
