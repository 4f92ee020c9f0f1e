using Portal.Domain.Billing;
using Portal.Domain.Subscription;
using Portal.Domain.Terms;

namespace Portal.Domain.Termination;

/// <summary>The contract's termination durations (SEO §3, §14): defaults of the order form, not constants.</summary>
/// <param name="BreachNoticeMonths">SEO §14.1 and §14.2: a breach termination takes effect this long after receipt (IAM §10.2 would say 30 days).</param>
/// <param name="AmendmentNoticeMonths">SEO §14.3: an amendment termination takes effect this long after the Client's notice.</param>
/// <param name="AmendmentWindowMonths">SEO §14.3: the Client may terminate this long after the amendment was notified.</param>
/// <param name="SlaMissesInARow">SEO §14.2: consecutive months under the availability rate that open the right.</param>
public sealed record TerminationPolicy(int BreachNoticeMonths = 3, int AmendmentNoticeMonths = 3, int AmendmentWindowMonths = 1,
    int SlaMissesInARow = 3)
{
    public static readonly TerminationPolicy Default = new();
}

/// <summary>What the rules read about one Client on one day.</summary>
/// <param name="Notices">The Client's notices, whatever their status.</param>
/// <param name="Versions">Every published document version (the amendments that may open a right).</param>
public sealed record TerminationFacts(SubscriptionTerm Term, DateOnly Today, IReadOnlyList<TerminationNotice> Notices,
    IReadOnlyList<SlaMonth> SlaMonths, IReadOnlyList<DocumentVersion> Versions);

/// <summary>A message for the reader: an English template (a resx key) and its arguments (dates stay dates until shown).</summary>
public sealed record RuleMessage(string Template, params object[] Args);

/// <summary>Whether a kind of notice may be filed today, and what it would do.</summary>
/// <param name="EffectiveOn">The last day of service; null when the notice is refused.</param>
/// <param name="Late">Non-renewal after the notice deadline: the contract runs one more period.</param>
/// <param name="Clause">Where the right comes from, e.g. "SEO §14.1".</param>
public sealed record TerminationAssessment(TerminationKind Kind, RuleMessage? Refusal, DateOnly? EffectiveOn, bool Late, string Clause)
{
    public bool Allowed => Refusal is null;
}

/// <summary>An amendment that opens the amendment termination right, and the last day to use it.</summary>
public sealed record QualifyingAmendment(DocumentVersion Version, DateOnly NotifiedOn, DateOnly RightEndsOn);

/// <summary>What the Client still owes if the notice takes effect (SEO §10.2, §14.3, §14.4).</summary>
/// <param name="UnpaidInclVat">Invoices issued and not yet paid.</param>
/// <param name="FeesToInvoiceExclVat">Fees the billing schedule still calls for up to <paramref name="FeesUpTo"/>, not yet invoiced.</param>
/// <param name="FeesUpTo">The contractual end (or, for an amendment termination, the last day of service).</param>
/// <param name="InInitialPeriod">SEO §10.2: ending during the Initial Service Period leaves everything owed up to its end.</param>
/// <param name="NothingForRemainder">SEO §14.3: an amendment termination owes nothing after the last day of service.</param>
public sealed record MoneyOwed(decimal UnpaidInclVat, decimal FeesToInvoiceExclVat, decimal FeesToInvoiceVat, DateOnly FeesUpTo,
    bool InInitialPeriod, bool NothingForRemainder)
{
    public decimal FeesToInvoiceInclVat => FeesToInvoiceExclVat + FeesToInvoiceVat;
    public decimal TotalInclVat => UnpaidInclVat + FeesToInvoiceInclVat;
}

/// <summary>
/// DOMAIN "Termination notices": which notices a Client may file, when each takes effect, and the money still owed.
/// Every effective date here is the LAST DAY OF SERVICE: access closes at the end of that day, UTC (SEO §8.3).
/// </summary>
public static class TerminationRules
{
    public static readonly IReadOnlyList<TerminationKind> Kinds =
        [TerminationKind.NonRenewal, TerminationKind.MaterialBreach, TerminationKind.AvailabilityBreach, TerminationKind.Amendment];

    /// <summary>Filed, Received or Effective: a notice that still ends (or ended) the contract.</summary>
    public static bool Counts(TerminationStatus status) =>
        status is TerminationStatus.Filed or TerminationStatus.Received or TerminationStatus.Effective;

    public static bool IsOpen(TerminationStatus status) => status is TerminationStatus.Filed or TerminationStatus.Received;

    public static string ClauseOf(TerminationKind kind) => kind switch
    {
        TerminationKind.NonRenewal => "SEO §3",
        TerminationKind.MaterialBreach => "SEO §14.1",
        TerminationKind.AvailabilityBreach => "SEO §14.2",
        _ => "SEO §14.3",
    };

    /// <summary>Whether <paramref name="kind"/> may be filed today, and its effective date if it were.</summary>
    /// <param name="citedVersionId">For an amendment termination: the amendment cited; null picks the one still open.</param>
    public static TerminationAssessment Assess(TerminationKind kind, TerminationFacts facts, Guid? citedVersionId = null,
        TerminationPolicy? policy = null)
    {
        policy ??= TerminationPolicy.Default;
        var clause = ClauseOf(kind);
        TerminationAssessment Refused(string template, params object[] args) => new(kind, new RuleMessage(template, args), null, false, clause);

        if (facts.Notices.FirstOrDefault(n => n.Status == TerminationStatus.Effective) is { } ended)
            return Refused("The contract already ended on {0}: no further notice can be filed.", ended.EffectiveOn);
        if (facts.Notices.Any(n => n.Kind == kind && IsOpen(n.Status)))
            return Refused("A notice of this kind is already open. Withdraw it first if you want to file a new one.");

        switch (kind)
        {
            case TerminationKind.AvailabilityBreach when AvailabilityBreach(facts.SlaMonths, policy) is null:
                return Refused("An availability breach notice needs {0} consecutive months under the availability target; the figures recorded so far do not show that.",
                    policy.SlaMissesInARow);
            case TerminationKind.Amendment:
                var open = AmendmentsOpen(facts.Versions, facts.Today, policy);
                if (open.Count == 0)
                    return Refused("No amendment that materially reduces availability, backups or support was notified in the last {0} month(s).",
                        policy.AmendmentWindowMonths);
                if (citedVersionId is { } cited && open.All(a => a.Version.Id != cited))
                    return Refused("The amendment cited does not open the termination right, or its one-month window has closed.");
                break;
        }
        var late = kind == TerminationKind.NonRenewal && facts.Today > facts.Term.PeriodOn(facts.Today).NoticeDeadline;
        return new(kind, null, EffectiveOn(kind, facts.Term, facts.Today, facts.Today, policy), late, clause);
    }

    /// <summary>
    /// The last day of service of a notice filed on <paramref name="filedOn"/> and received on <paramref name="receivedOn"/>
    /// (the filing day until staff record the registered mail's receipt).
    /// </summary>
    public static DateOnly EffectiveOn(TerminationKind kind, SubscriptionTerm term, DateOnly filedOn, DateOnly? receivedOn = null,
        TerminationPolicy? policy = null)
    {
        policy ??= TerminationPolicy.Default;
        switch (kind)
        {
            case TerminationKind.NonRenewal:
                // Choice: the portal filing is the Provider's own timestamped record, so timeliness is judged on the filing day
                // (the registered letter confirms it). SEO §3: on time ends this period, late ends the next one.
                var period = term.PeriodOn(filedOn);
                return filedOn <= period.NoticeDeadline ? period.End : term.Period(period.Number + 1).End;
            case TerminationKind.Amendment:
                // SEO §14.3: three months after the date of the Client's notice.
                return LastDayBefore(filedOn, policy.AmendmentNoticeMonths);
            default:
                // SEO §14.1, §14.2: three months after receipt by the other party.
                return LastDayBefore(receivedOn ?? filedOn, policy.BreachNoticeMonths);
        }
    }

    /// <summary>
    /// "Takes effect n months after D": service stops on that anniversary, so the last day of service is the day before.
    /// As for service periods, an anniversary that does not exist (31 → 30 November) moves to the 1st of the next month.
    /// </summary>
    private static DateOnly LastDayBefore(DateOnly from, int months)
    {
        var anniversary = from.AddMonths(months);
        if (anniversary.Day != from.Day) anniversary = anniversary.AddDays(1);
        return anniversary.AddDays(-1);
    }

    /// <summary>SEO §14.2: the latest run of consecutive calendar months, each measured and missed; null when there is none long enough.</summary>
    public static IReadOnlyList<SlaMonth>? AvailabilityBreach(IEnumerable<SlaMonth> months, TerminationPolicy? policy = null)
    {
        policy ??= TerminationPolicy.Default;
        var sorted = months.OrderBy(m => m.Month).ToList();
        IReadOnlyList<SlaMonth>? latest = null;
        var run = new List<SlaMonth>();
        foreach (var month in sorted)
        {
            if (!month.Missed) { run.Clear(); continue; }
            if (run.Count > 0 && run[^1].Month.AddMonths(1) != month.Month) run.Clear();
            run.Add(month);
            if (run.Count >= policy.SlaMissesInARow) latest = run.TakeLast(policy.SlaMissesInARow).ToList();
        }
        return latest;
    }

    /// <summary>
    /// SEO §14.3: published amendments that materially reduce availability, backups or support, whose one-month window
    /// (from the notification, inclusive of the same day a month later) includes <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<QualifyingAmendment> AmendmentsOpen(IEnumerable<DocumentVersion> versions, DateOnly today,
        TerminationPolicy? policy = null)
    {
        policy ??= TerminationPolicy.Default;
        return versions.Where(v => v.MateriallyReducesService && !v.IsEditorial)
            .Select(v => (Version: v, NotifiedOn: DateOnly.FromDateTime(v.PublishedAt.UtcDateTime)))
            .Select(v => new QualifyingAmendment(v.Version, v.NotifiedOn, v.NotifiedOn.AddMonths(policy.AmendmentWindowMonths)))
            .Where(a => a.NotifiedOn <= today && today <= a.RightEndsOn)
            .OrderByDescending(a => a.NotifiedOn)
            .ToList();
    }

    /// <summary>
    /// The day the fees run to if the notice ends service on <paramref name="effectiveOn"/>: the end of the service period it
    /// falls in (SEO §14.4 "up to the contractual due date"; in the Initial Service Period, its end: SEO §10.2), or the last day
    /// of service itself for an amendment termination (SEO §14.3: no fees for the remainder).
    /// </summary>
    public static DateOnly ContractualEnd(TerminationKind kind, DateOnly effectiveOn, SubscriptionTerm term) =>
        kind == TerminationKind.Amendment ? effectiveOn : term.PeriodOn(effectiveOn).End;

    /// <summary>
    /// The money still owed: unpaid invoices, plus every fee the billing schedule calls for up to the contractual end that is
    /// not invoiced yet (SEO §14.4). Amounts from the schedule exclude VAT; <paramref name="vatRate"/> is the Client's.
    /// </summary>
    /// <param name="invoicedKeys">The schedule keys of the order form's invoices already issued.</param>
    public static MoneyOwed Owed(TerminationKind kind, DateOnly effectiveOn, SubscriptionTerm term, BillingTerms billing,
        IReadOnlyList<ScheduledLine> lines, IReadOnlySet<string> invoicedKeys, decimal unpaidInclVat, decimal vatRate)
    {
        var upTo = ContractualEnd(kind, effectiveOn, term);
        var toInvoice = BillingSchedule.For(billing, lines, upTo, upTo).Where(i => !invoicedKeys.Contains(i.Key)).ToList();
        var fees = toInvoice.Sum(i => i.TotalExclVat);
        var vat = toInvoice.Sum(i => Money.Round(i.TotalExclVat * vatRate));
        return new MoneyOwed(unpaidInclVat, fees, vat, upTo, term.PeriodOn(effectiveOn).IsInitial, kind == TerminationKind.Amendment);
    }

    /// <summary>A notice may be withdrawn while open and until its last day of service.</summary>
    public static RuleMessage? WithdrawalRefusal(TerminationNotice notice, DateOnly today) =>
        !IsOpen(notice.Status) ? new("This notice is no longer open: it cannot be withdrawn.")
        : today > notice.EffectiveOn ? new("This notice took effect on {0}: it can no longer be withdrawn.", notice.EffectiveOn)
        : null;

    /// <summary>Staff record when the registered letter arrived: not before the notice was filed, not in the future.</summary>
    public static RuleMessage? ReceiptRefusal(TerminationNotice notice, DateOnly receivedOn, DateOnly today)
    {
        var filedOn = DateOnly.FromDateTime(notice.FiledAt.UtcDateTime);
        return !IsOpen(notice.Status) ? new("This notice is no longer open: its receipt date cannot change.")
            : receivedOn < filedOn ? new("The receipt date cannot be before the notice was filed ({0}).", filedOn)
            : receivedOn > today ? new("The receipt date cannot be in the future.")
            : null;
    }

    /// <summary>SEO §14.1, §14.2: a breach notice lapses if the breach is cured before it takes effect.</summary>
    public static RuleMessage? CureRefusal(TerminationNotice notice, DateOnly today) =>
        notice.Kind is not (TerminationKind.MaterialBreach or TerminationKind.AvailabilityBreach)
            ? new("Only a breach notice can be marked cured.")
            : !IsOpen(notice.Status) ? new("This notice is no longer open.")
            : today > notice.EffectiveOn ? new("This notice took effect on {0}: the breach can no longer be cured.", notice.EffectiveOn)
            : null;
}
