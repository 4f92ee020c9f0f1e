using Portal.Domain.Billing;
using Portal.Domain.Subscription;
using Portal.Domain.Terms;

namespace Portal.Domain.Termination;

/// <summary>
/// The contract's termination time limits (SEO §3, §14; IAM §10): defaults of the order form, not constants. Each is a
/// <see cref="Duration"/> with its unit, so SEO's "three (3) months" and IAM's "thirty (30) days" are both expressed.
/// </summary>
public sealed record TerminationPolicy
{
    public static readonly TerminationPolicy Default = new();

    /// <summary>IAM §10.2: a breach ends the rights thirty days after the formal notice.</summary>
    public static readonly TerminationPolicy Iam = new() { BreachNotice = Duration.Days(30) };

    /// <summary>SEO §14.1 and §14.2: a breach termination takes effect this long after receipt.</summary>
    public Duration BreachNotice { get; init; } = Duration.Months(3);

    /// <summary>SEO §14.3: an amendment termination takes effect this long after the date of the Client's notice.</summary>
    public Duration AmendmentNotice { get; init; } = Duration.Months(3);

    /// <summary>SEO §14.3: the Client may terminate this long after the amendment was notified.</summary>
    public Duration AmendmentWindow { get; init; } = Duration.Months(1);

    /// <summary>SEO §14.2: consecutive months under the availability rate that open the right.</summary>
    public int SlaMissesInARow { get; init; } = 3;
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

    /// <summary>For a non-renewal that may be filed: by when the registered letter must arrive, and what happens if later.</summary>
    public ArrivalDeadline? Arrival { get; init; }
}

/// <summary>
/// SEO §3: a non-renewal notice is on time if RECEIVED by the notice deadline. What the page says before filing: the letter
/// must arrive by <paramref name="ArriveBy"/> to end the contract on <paramref name="LastDayIfOnTime"/>; arriving later, it
/// ends it on <paramref name="LastDayIfLater"/>, one period on.
/// </summary>
public sealed record ArrivalDeadline(DateOnly ArriveBy, DateOnly LastDayIfOnTime, DateOnly LastDayIfLater);

/// <summary>What recording the registered letter's receipt does to a notice's last day of service.</summary>
/// <param name="EffectiveOn">The last day of service from the receipt date: what to store on the notice.</param>
/// <param name="EstimatedOn">The filing-day estimate, what the Client was shown when filing.</param>
/// <param name="PreviousOn">What the notice said before this receipt date was entered (an earlier receipt date, or the estimate).</param>
public sealed record ReceiptEffect(DateOnly EffectiveOn, DateOnly EstimatedOn, DateOnly PreviousOn)
{
    /// <summary>The receipt moved the last day away from what the Client was shown on filing: tell the Client.</summary>
    public bool ChangedFromEstimate => EffectiveOn != EstimatedOn;

    public bool ChangedFromPrevious => EffectiveOn != PreviousOn;
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

    /// <summary>
    /// SEO §11.3.2: interest, the 40 EUR indemnity and rejection fees accrued on the Client's invoices as of
    /// <see cref="LateChargesAsOf"/>, not yet invoiced or waived: owed too, and shown apart as "owed as of today" since they
    /// keep growing while an invoice stays unpaid. Zero when the caller gave none.
    /// </summary>
    public LateCharges LateChargesToday { get; init; } = new(0m, 0m, 0m);
    public DateOnly? LateChargesAsOf { get; init; }

    public decimal TotalInclVat => UnpaidInclVat + FeesToInvoiceInclVat + LateChargesToday.Total;
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

    /// <summary>
    /// SEO §14.3, §20.1: the amendments the Client terminated over with a notice that still counts (filed, received or
    /// effective): never demanded of it, never deemed accepted. A withdrawn notice no longer protects it.
    /// </summary>
    public static IReadOnlySet<Guid> VersionsTerminatedOver(IEnumerable<TerminationNotice> notices) =>
        notices.Where(n => n.Kind == TerminationKind.Amendment && Counts(n.Status) && n.CitedDocumentVersionId is not null)
            .Select(n => n.CitedDocumentVersionId!.Value).ToHashSet();

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
                    return policy.AmendmentWindow.Unit == DurationUnit.Months
                        ? Refused("No amendment that materially reduces availability, backups or support was notified in the last {0} month(s).",
                            policy.AmendmentWindow.Count)
                        : Refused("No amendment that materially reduces availability, backups or support was notified in the last {0} day(s).",
                            policy.AmendmentWindow.Count);
                if (citedVersionId is { } cited && open.All(a => a.Version.Id != cited))
                    return Refused("The amendment cited does not open the termination right, or its one-month window has closed.");
                break;
        }
        // Until the registered letter's receipt is recorded, the filing day stands in for it: the page says by when it must arrive.
        var late = kind == TerminationKind.NonRenewal && facts.Today > facts.Term.PeriodOn(facts.Today).NoticeDeadline;
        return new(kind, null, EffectiveOn(kind, facts.Term, facts.Today, null, policy), late, clause)
        {
            Arrival = kind == TerminationKind.NonRenewal ? NonRenewalArrival(facts.Term, facts.Today) : null,
        };
    }

    /// <summary>
    /// SEO §3, before filing a non-renewal on <paramref name="filedOn"/>: the deadline its letter must meet and the two possible
    /// last days. Filed after this period's deadline, it aims at the next period, whose deadline is then the one to meet.
    /// </summary>
    public static ArrivalDeadline NonRenewalArrival(SubscriptionTerm term, DateOnly filedOn)
    {
        var period = term.PeriodOn(filedOn);
        if (filedOn > period.NoticeDeadline) period = term.Period(period.Number + 1);
        return new ArrivalDeadline(period.NoticeDeadline, period.End, term.Period(period.Number + 1).End);
    }

    /// <summary>
    /// Staff enter the day the registered letter arrived: the last day of service is recomputed from it (a non-renewal
    /// received after the deadline ends one period later; a breach runs from receipt), and compared with what the Client saw.
    /// </summary>
    public static ReceiptEffect OnReceipt(TerminationNotice notice, SubscriptionTerm term, DateOnly receivedOn, TerminationPolicy? policy = null)
    {
        var filedOn = DateOnly.FromDateTime(notice.FiledAt.UtcDateTime);
        return new ReceiptEffect(EffectiveOn(notice.Kind, term, filedOn, receivedOn, policy),
            EffectiveOn(notice.Kind, term, filedOn, null, policy), notice.EffectiveOn);
    }

    /// <summary>
    /// The last day of service of a notice filed on <paramref name="filedOn"/> and received on <paramref name="receivedOn"/>
    /// (the filing day until staff record the registered mail's receipt).
    /// </summary>
    public static DateOnly EffectiveOn(TerminationKind kind, SubscriptionTerm term, DateOnly filedOn, DateOnly? receivedOn = null,
        TerminationPolicy? policy = null)
    {
        policy ??= TerminationPolicy.Default;
        var arrival = receivedOn ?? filedOn;
        switch (kind)
        {
            case TerminationKind.NonRenewal:
                // SEO §3 (DOMAIN: "on time if received by the notice deadline"): judged on the day the letter ARRIVED; the
                // filing day is only the estimate until staff record it. On time ends this period, late ends the next one.
                var period = term.PeriodOn(arrival);
                return arrival <= period.NoticeDeadline ? period.End : term.Period(period.Number + 1).End;
            case TerminationKind.Amendment:
                // SEO §14.3: three months after the date of the Client's notice (its filing), whenever the letter arrives.
                return policy.AmendmentNotice.LastDayFrom(filedOn);
            default:
                // SEO §14.1, §14.2: three months after receipt by the other party.
                // Choice (open point of issue #16): a breach notice received 15 January ends service at the end of 15 April,
                // not 14 April. C. civ. art. 641: the day of receipt does not count and a limit in months expires on the same
                // day number; art. 642: at midnight that day. The termination takes effect when the limit runs out, so
                // 15 April is still a day of service (IAM §10.2's 30 days from 15 January: the last day is 14 February).
                return policy.BreachNotice.LastDayFrom(arrival);
        }
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
            .Select(v => new QualifyingAmendment(v.Version, v.NotifiedOn, policy.AmendmentWindow.LastDayFrom(v.NotifiedOn)))
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

    /// <summary>
    /// The money still owed, late charges included: the unpaid invoices and the late charges accrued to today
    /// (<see cref="OwedToday.Of"/>), plus the fees still to invoice up to the contractual end.
    /// </summary>
    public static MoneyOwed Owed(TerminationKind kind, DateOnly effectiveOn, SubscriptionTerm term, BillingTerms billing,
        IReadOnlyList<ScheduledLine> lines, IReadOnlySet<string> invoicedKeys, OwedToday owedToday, decimal vatRate) =>
        Owed(kind, effectiveOn, term, billing, lines, invoicedKeys, owedToday.UnpaidInclVat, vatRate) with
        {
            LateChargesToday = owedToday.LateCharges, LateChargesAsOf = owedToday.AsOf,
        };

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
