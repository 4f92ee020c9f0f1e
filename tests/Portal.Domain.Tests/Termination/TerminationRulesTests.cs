using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.Subscription;
using Portal.Domain.Terms;
using Portal.Domain.Termination;

namespace Portal.Domain.Tests.Termination;

/// <summary>DOMAIN "Termination notices": worked cases of each kind, with the dates of SEO §3, §14 and the money of §10.2, §14.4.</summary>
public class TerminationRulesTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>12 months from 1 January 2025, renewed by 12, notice 2 months before the end: deadline 31 October.</summary>
    private static readonly SubscriptionTerm FromNewYear2025 = new(Day("2025-01-01"), 12, 12, 2);

    /// <summary>From 31 January: periods end on 30 January, the notice deadline is 30 November.</summary>
    private static readonly SubscriptionTerm FromJanuary31 = new(Day("2025-01-31"), 12, 12, 2);

    private static TerminationFacts Facts(string today, SubscriptionTerm? term = null, IReadOnlyList<TerminationNotice>? notices = null,
        IReadOnlyList<SlaMonth>? sla = null, IReadOnlyList<DocumentVersion>? versions = null) =>
        new(term ?? FromNewYear2025, Day(today), notices ?? [], sla ?? [], versions ?? []);

    /// <summary>A notice brought to <paramref name="status"/> the way the portal does it, through its transitions.</summary>
    /// <param name="effective">The last day of service as filed; a receipt (received on the filing day) moves a breach notice's.</param>
    private static TerminationNotice Notice(TerminationKind kind, TerminationStatus status, string filed = "2025-03-01", string effective = "2025-12-31")
    {
        var filedAt = new DateTimeOffset(Day(filed).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var notice = new TerminationNotice { Kind = kind, FiledByUserId = "u", FiledAt = filedAt, EffectiveOn = Day(effective) };
        var refusal = status switch
        {
            TerminationStatus.Received => notice.MarkReceived(Day(filed), Day(filed), FromNewYear2025),
            TerminationStatus.Withdrawn => notice.Withdraw(Day(filed), filedAt),
            TerminationStatus.Cured => notice.MarkCured(Day(filed), filedAt),
            _ => null,
        };
        if (status == TerminationStatus.Effective) notice.TakeEffect(notice.EffectiveOn.AddDays(1), filedAt);
        Assert.Null(refusal);
        Assert.Equal(status, notice.Status);
        return notice;
    }

    // ---- Non-renewal (SEO §3) ----

    [Theory]
    [InlineData("2025-06-15", "2025-12-31", false)] // initial period, well before the deadline
    [InlineData("2025-10-31", "2025-12-31", false)] // on the deadline day: still on time
    [InlineData("2025-11-01", "2026-12-31", true)]  // the day after: the contract runs one more period
    [InlineData("2025-12-31", "2026-12-31", true)]  // the last day of the period
    [InlineData("2026-01-01", "2026-12-31", false)] // first day of the first extension: on time for it
    [InlineData("2026-10-31", "2026-12-31", false)]
    [InlineData("2026-11-01", "2027-12-31", true)]
    public void Non_renewal_from_1_January_2025_takes_effect_at_the_end_of_the_period_or_the_next_one_if_late(string filed, string lastDay, bool late)
    {
        var assessment = TerminationRules.Assess(TerminationKind.NonRenewal, Facts(filed));

        Assert.True(assessment.Allowed);
        Assert.Equal(Day(lastDay), assessment.EffectiveOn);
        Assert.Equal(late, assessment.Late);
        Assert.Equal("SEO §3", assessment.Clause);
    }

    [Theory]
    [InlineData("2025-11-30", "2026-01-30", false)] // deadline of a term from 31 January: 30 November
    [InlineData("2025-12-01", "2027-01-30", true)]
    public void Non_renewal_of_a_term_from_31_January_follows_the_month_end_deadline(string filed, string lastDay, bool late)
    {
        var assessment = TerminationRules.Assess(TerminationKind.NonRenewal, Facts(filed, FromJanuary31));

        Assert.Equal(Day(lastDay), assessment.EffectiveOn);
        Assert.Equal(late, assessment.Late);
    }

    /// <summary>Acme: effective 1 August 2025, 12 + 12 months, 2 months' notice: the first extension ends 31 July 2027, deadline 31 May 2027.</summary>
    private static readonly SubscriptionTerm Acme = new(Day("2025-08-01"), 12, 12, 2);

    private static TerminationNotice Filed(TerminationKind kind, string filedOn, SubscriptionTerm term)
    {
        var notice = Notice(kind, TerminationStatus.Filed, filed: filedOn,
            effective: TerminationRules.EffectiveOn(kind, term, Day(filedOn)).ToString("yyyy-MM-dd"));
        return notice;
    }

    [Fact]
    public void Acme_non_renewal_filed_31_May_2027_and_received_31_May_2027_is_on_time_last_day_31_July_2027()
    {
        var effect = TerminationRules.OnReceipt(Filed(TerminationKind.NonRenewal, "2027-05-31", Acme), Acme, Day("2027-05-31"));

        Assert.Equal(Day("2027-07-31"), effect.EffectiveOn);
        Assert.Equal(Day("2027-07-31"), effect.EstimatedOn);
        Assert.False(effect.ChangedFromEstimate);
    }

    [Fact]
    public void Acme_non_renewal_filed_31_May_2027_but_received_3_June_2027_is_late_last_day_31_July_2028()
    {
        var notice = Filed(TerminationKind.NonRenewal, "2027-05-31", Acme);

        var effect = TerminationRules.OnReceipt(notice, Acme, Day("2027-06-03"));

        Assert.Equal(Day("2028-07-31"), effect.EffectiveOn);
        Assert.Equal(Day("2027-07-31"), effect.EstimatedOn); // what the Client was shown on filing
        Assert.True(effect.ChangedFromEstimate);
        Assert.True(effect.ChangedFromPrevious);
        Assert.Equal(Day("2028-07-31"), TerminationRules.EffectiveOn(TerminationKind.NonRenewal, Acme, Day("2027-05-31"), Day("2027-06-03")));
    }

    [Fact]
    public void Acme_before_filing_on_31_May_2027_the_letter_must_arrive_by_31_May_2027_or_the_contract_runs_to_31_July_2028()
    {
        var assessment = TerminationRules.Assess(TerminationKind.NonRenewal, Facts("2027-05-31", Acme));

        Assert.False(assessment.Late);
        Assert.Equal(Day("2027-07-31"), assessment.EffectiveOn);
        Assert.Equal(new ArrivalDeadline(Day("2027-05-31"), Day("2027-07-31"), Day("2028-07-31")), assessment.Arrival);
    }

    [Fact]
    public void Acme_filed_1_June_2027_already_late_must_arrive_by_31_May_2028_to_end_on_31_July_2028()
    {
        var assessment = TerminationRules.Assess(TerminationKind.NonRenewal, Facts("2027-06-01", Acme));

        Assert.True(assessment.Late);
        Assert.Equal(Day("2028-07-31"), assessment.EffectiveOn);
        Assert.Equal(new ArrivalDeadline(Day("2028-05-31"), Day("2028-07-31"), Day("2029-07-31")), assessment.Arrival);
    }

    [Fact]
    public void A_breach_notice_received_two_days_after_filing_moves_its_last_day_by_two_days_and_says_so()
    {
        var notice = Filed(TerminationKind.MaterialBreach, "2027-03-10", Acme);

        var effect = TerminationRules.OnReceipt(notice, Acme, Day("2027-03-12"));

        Assert.Equal((Day("2027-06-12"), Day("2027-06-10")), (effect.EffectiveOn, effect.EstimatedOn));
        Assert.True(effect.ChangedFromEstimate);
    }

    [Fact]
    public void An_amendment_termination_runs_from_the_date_of_the_Clients_notice_whatever_the_receipt()
    {
        var notice = Filed(TerminationKind.Amendment, "2027-03-10", Acme);

        var effect = TerminationRules.OnReceipt(notice, Acme, Day("2027-03-14"));

        Assert.Equal(Day("2027-06-10"), effect.EffectiveOn);
        Assert.False(effect.ChangedFromEstimate);
    }

    // ---- Breach notices (SEO §14.1, §14.2): three months after receipt ----

    [Theory]
    [InlineData("2025-03-10", null, "2025-06-10")]         // not received yet: estimated from the filing day
    [InlineData("2025-03-10", "2025-03-12", "2025-06-12")] // received two days later
    [InlineData("2025-01-31", null, "2025-04-30")]         // 31 April does not exist: service ends 30 April
    [InlineData("2025-08-31", "2025-08-31", "2025-11-30")]
    [InlineData("2025-11-30", "2025-11-30", "2026-02-28")] // 30 February does not exist: the last day is 28 February
    [InlineData("2027-11-30", "2027-11-30", "2028-02-29")] // leap year
    [InlineData("2025-12-31", "2026-01-02", "2026-04-02")] // received in the next year
    public void Material_breach_takes_effect_three_months_after_receipt(string filed, string? received, string lastDay)
    {
        var effective = TerminationRules.EffectiveOn(TerminationKind.MaterialBreach, FromNewYear2025, Day(filed),
            received is null ? null : Day(received));

        Assert.Equal(Day(lastDay), effective);
    }

    [Fact]
    public void Material_breach_is_allowed_any_time_and_estimated_from_today_until_received()
    {
        var assessment = TerminationRules.Assess(TerminationKind.MaterialBreach, Facts("2025-05-20"));

        Assert.True(assessment.Allowed);
        Assert.Equal(Day("2025-08-20"), assessment.EffectiveOn);
        Assert.Equal("SEO §14.1", assessment.Clause);
        Assert.Null(assessment.Arrival);
    }

    [Fact]
    public void A_contract_with_a_one_month_cure_period_uses_its_own_setting()
    {
        var oneMonth = new TerminationPolicy { BreachNotice = Duration.Months(1) };

        Assert.Equal(Day("2025-04-10"), TerminationRules.EffectiveOn(TerminationKind.MaterialBreach, FromNewYear2025, Day("2025-03-10"), policy: oneMonth));
    }

    [Fact]
    public void Durations_in_days_IAM_30_days_after_a_breach_notice_of_10_March_service_ends_9_April()
    {
        // IAM §10.2: thirty days; 11 March is the first day counted (C. civ. art. 641), 9 April the thirtieth.
        Assert.Equal(Day("2025-04-09"),
            TerminationRules.EffectiveOn(TerminationKind.MaterialBreach, FromNewYear2025, Day("2025-03-10"), policy: TerminationPolicy.Iam));
        Assert.Equal(Duration.Months(3), TerminationPolicy.Default.BreachNotice);
    }

    [Fact]
    public void Open_point_breach_notice_received_15_January_last_day_of_service_is_15_April()
    {
        // C. civ. art. 641/642: 15 January does not count; three months "de date à date" expire at midnight on 15 April.
        Assert.Equal(Day("2026-04-15"),
            TerminationRules.EffectiveOn(TerminationKind.MaterialBreach, FromNewYear2025, Day("2026-01-12"), Day("2026-01-15")));
        Assert.Equal(Day("2026-04-15"),
            TerminationRules.EffectiveOn(TerminationKind.AvailabilityBreach, FromNewYear2025, Day("2026-01-12"), Day("2026-01-15")));
    }

    [Fact]
    public void Open_point_period_ending_28_February_with_2_months_notice_has_its_deadline_on_31_December()
    {
        var fromMarch = new SubscriptionTerm(Day("2025-03-01"), 12, 12, 2);

        Assert.Equal(Day("2026-02-28"), fromMarch.Period(0).End);
        Assert.Equal(Day("2025-12-31"), fromMarch.Period(0).NoticeDeadline);
        Assert.Equal(Day("2026-02-28"), TerminationRules.EffectiveOn(TerminationKind.NonRenewal, fromMarch, Day("2025-12-20"), Day("2025-12-31")));
        Assert.Equal(Day("2027-02-28"), TerminationRules.EffectiveOn(TerminationKind.NonRenewal, fromMarch, Day("2025-12-20"), Day("2026-01-01")));
    }

    // ---- Availability breach (SEO §14.2) ----

    private static SlaMonth Sla(string month, decimal availability, decimal target = 99.5m) =>
        new() { Month = Day(month), AvailabilityPercent = availability, TargetPercent = target };

    [Fact]
    public void Three_consecutive_months_under_target_open_the_availability_breach()
    {
        var sla = new[] { Sla("2025-01-01", 99.9m), Sla("2025-02-01", 99.1m), Sla("2025-03-01", 98.0m), Sla("2025-04-01", 99.4m) };

        var assessment = TerminationRules.Assess(TerminationKind.AvailabilityBreach, Facts("2025-05-10", sla: sla));

        Assert.True(assessment.Allowed);
        Assert.Equal(Day("2025-08-10"), assessment.EffectiveOn);
        Assert.Equal(["2025-02-01", "2025-03-01", "2025-04-01"],
            TerminationRules.AvailabilityBreach(sla)!.Select(m => m.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2025-01-01:99.0 2025-02-01:99.8 2025-03-01:99.0 2025-04-01:99.0")] // the run was broken by a month on target
    [InlineData("2025-01-01:99.0 2025-03-01:99.0 2025-04-01:99.0")]                 // February was not measured: not consecutive
    [InlineData("2025-03-01:99.0 2025-04-01:99.0")]                                 // only two months
    [InlineData("2025-03-01:99.5 2025-04-01:99.5 2025-05-01:99.5")]                 // exactly on target is not a miss
    public void Without_three_consecutive_misses_the_availability_breach_is_refused(string figures)
    {
        var sla = figures.Split(' ').Select(f => f.Split(':')).Select(p => Sla(p[0], decimal.Parse(p[1], CultureInfo.InvariantCulture))).ToList();

        var assessment = TerminationRules.Assess(TerminationKind.AvailabilityBreach, Facts("2025-06-10", sla: sla));

        Assert.False(assessment.Allowed);
        Assert.Null(assessment.EffectiveOn);
        Assert.Contains("consecutive months", assessment.Refusal!.Template);
    }

    // ---- Amendment termination (SEO §14.3) ----

    private static DocumentVersion Amendment(string published, bool reduces = true) => new()
    {
        Label = "2025_03", Content = "x", ContentSha256 = "h", ChangeSummary = "Backups kept 7 days instead of 30.",
        PublishedAt = new DateTimeOffset(Day(published).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
        MateriallyReducesService = reduces,
    };

    [Theory]
    [InlineData("2025-03-10", true, "2025-06-10")]  // the day it was notified
    [InlineData("2025-04-10", true, "2025-07-10")]  // a month later, the last day of the window
    [InlineData("2025-04-11", false, null)]         // window closed
    [InlineData("2025-03-09", false, null)]         // not yet published
    public void Amendment_termination_is_open_one_month_from_notice_and_takes_effect_three_months_after_the_Clients_notice(
        string today, bool allowed, string? lastDay)
    {
        var amendment = Amendment("2025-03-10");

        var assessment = TerminationRules.Assess(TerminationKind.Amendment, Facts(today, versions: [amendment]), amendment.Id);

        Assert.Equal(allowed, assessment.Allowed);
        Assert.Equal(lastDay is null ? null : Day(lastDay), assessment.EffectiveOn);
    }

    [Fact]
    public void An_amendment_that_does_not_reduce_the_service_opens_no_right_and_another_version_cannot_be_cited()
    {
        var plain = Amendment("2025-03-10", reduces: false);
        var reducing = Amendment("2025-03-10");

        Assert.False(TerminationRules.Assess(TerminationKind.Amendment, Facts("2025-03-15", versions: [plain])).Allowed);
        Assert.False(TerminationRules.Assess(TerminationKind.Amendment, Facts("2025-03-15", versions: [plain, reducing]), plain.Id).Allowed);
        Assert.True(TerminationRules.Assess(TerminationKind.Amendment, Facts("2025-03-15", versions: [plain, reducing]), reducing.Id).Allowed);
    }

    // ---- One open notice per kind; nothing after the end ----

    [Fact]
    public void A_second_open_notice_of_the_same_kind_is_refused_but_a_withdrawn_one_does_not_count()
    {
        var open = Notice(TerminationKind.NonRenewal, TerminationStatus.Received);
        var withdrawn = Notice(TerminationKind.NonRenewal, TerminationStatus.Withdrawn);

        Assert.False(TerminationRules.Assess(TerminationKind.NonRenewal, Facts("2025-06-01", notices: [open])).Allowed);
        Assert.True(TerminationRules.Assess(TerminationKind.MaterialBreach, Facts("2025-06-01", notices: [open])).Allowed);
        Assert.True(TerminationRules.Assess(TerminationKind.NonRenewal, Facts("2025-06-01", notices: [withdrawn])).Allowed);
    }

    [Fact]
    public void Nothing_can_be_filed_once_a_notice_took_effect()
    {
        var ended = Notice(TerminationKind.MaterialBreach, TerminationStatus.Effective, effective: "2025-06-30");

        var assessment = TerminationRules.Assess(TerminationKind.NonRenewal, Facts("2025-07-01", notices: [ended]));

        Assert.False(assessment.Allowed);
        Assert.Equal(Day("2025-06-30"), assessment.Refusal!.Args[0]);
    }

    // ---- Follow-up ----

    [Theory]
    [InlineData("2025-12-30", true)]
    [InlineData("2025-12-31", true)]  // the last day of service: not yet in effect
    [InlineData("2026-01-01", false)] // after the effective date
    public void A_notice_can_be_withdrawn_until_its_last_day_of_service(string today, bool allowed)
    {
        var notice = Notice(TerminationKind.NonRenewal, TerminationStatus.Filed, effective: "2025-12-31");

        Assert.Equal(allowed, TerminationRules.WithdrawalRefusal(notice, Day(today)) is null);
    }

    [Theory]
    [InlineData("2025-02-28", false)] // before the filing day
    [InlineData("2025-03-01", true)]
    [InlineData("2025-03-04", true)]
    [InlineData("2025-03-06", false)] // in the future
    public void A_receipt_date_is_between_the_filing_day_and_today(string received, bool allowed)
    {
        var notice = Notice(TerminationKind.MaterialBreach, TerminationStatus.Filed, filed: "2025-03-01");

        Assert.Equal(allowed, TerminationRules.ReceiptRefusal(notice, Day(received), Day("2025-03-05")) is null);
    }

    [Fact]
    public void Only_an_open_breach_notice_can_be_cured()
    {
        // Received on 1 March, the availability breach notice runs to 31 May.
        Assert.Null(TerminationRules.CureRefusal(Notice(TerminationKind.AvailabilityBreach, TerminationStatus.Received), Day("2025-05-01")));
        Assert.NotNull(TerminationRules.CureRefusal(Notice(TerminationKind.NonRenewal, TerminationStatus.Received), Day("2025-05-01")));
        Assert.NotNull(TerminationRules.CureRefusal(Notice(TerminationKind.MaterialBreach, TerminationStatus.Withdrawn), Day("2025-05-01")));
    }

    // ---- Money still owed (SEO §10.2, §14.3, §14.4) ----

    /// <summary>12,000.00 a year excl. VAT: 1,000.00 a month.</summary>
    private static readonly ScheduledLine Platform = new("Platform", OrderLineKind.Subscription, 1, 12_000m);

    private static BillingTerms Billing(BillingFrequency frequency) =>
        new(Day("2024-12-20"), Day("2025-01-01"), frequency, PaymentMethod.SepaDirectDebit);

    [Fact]
    public void Annual_billing_in_the_initial_period_non_renewal_on_time_owes_only_the_unpaid_annual_invoice()
    {
        var owed = TerminationRules.Owed(TerminationKind.NonRenewal, Day("2025-12-31"), FromNewYear2025, Billing(BillingFrequency.Annual),
            [Platform], new HashSet<string> { "sub:2025-01-01" }, unpaidInclVat: 14_400m, vatRate: 0.20m);

        Assert.Equal(14_400m, owed.UnpaidInclVat);
        Assert.Equal(0m, owed.FeesToInvoiceExclVat);
        Assert.Equal(Day("2025-12-31"), owed.FeesUpTo);
        Assert.Equal(14_400m, owed.TotalInclVat);
        Assert.True(owed.InInitialPeriod);
    }

    [Fact]
    public void Monthly_billing_breach_ending_service_in_June_of_the_initial_period_still_owes_July_to_December()
    {
        // Invoiced so far: January–February (the first, two-month invoice) and March, of which 300.00 is unpaid.
        var invoiced = new HashSet<string> { "sub:2025-01-01", "sub:2025-03-01" };

        var owed = TerminationRules.Owed(TerminationKind.MaterialBreach, Day("2025-06-09"), FromNewYear2025, Billing(BillingFrequency.Monthly),
            [Platform], invoiced, unpaidInclVat: 300m, vatRate: 0.20m);

        // SEO §10.2: in the Initial Service Period everything up to its end is owed: April to December, 9 × 1,000.00.
        Assert.Equal(Day("2025-12-31"), owed.FeesUpTo);
        Assert.True(owed.InInitialPeriod);
        Assert.Equal(9_000m, owed.FeesToInvoiceExclVat);
        Assert.Equal(1_800m, owed.FeesToInvoiceVat);
        Assert.Equal(11_100m, owed.TotalInclVat);
    }

    [Fact]
    public void A_breach_ending_service_in_an_extension_owes_fees_up_to_the_end_of_that_extension()
    {
        var invoiced = new HashSet<string> { "sub:2025-01-01" }.Concat(Enumerable.Range(3, 16).Select(m =>
            $"sub:{new DateOnly(2025, 1, 1).AddMonths(m - 1):yyyy-MM-dd}")).ToHashSet(); // up to June 2026

        var owed = TerminationRules.Owed(TerminationKind.AvailabilityBreach, Day("2026-05-20"), FromNewYear2025, Billing(BillingFrequency.Monthly),
            [Platform], invoiced, unpaidInclVat: 0m, vatRate: 0m);

        Assert.Equal(Day("2026-12-31"), owed.FeesUpTo);
        Assert.False(owed.InInitialPeriod);
        Assert.Equal(6_000m, owed.FeesToInvoiceExclVat); // July to December 2026, reverse charge: no VAT
        Assert.Equal(6_000m, owed.TotalInclVat);
    }

    [Fact]
    public void An_amendment_termination_owes_fees_only_to_the_last_day_of_service_pro_rata()
    {
        var invoiced = new HashSet<string> { "sub:2025-01-01", "sub:2025-03-01", "sub:2025-04-01" };

        var owed = TerminationRules.Owed(TerminationKind.Amendment, Day("2025-07-14"), FromNewYear2025, Billing(BillingFrequency.Monthly),
            [Platform], invoiced, unpaidInclVat: 0m, vatRate: 0.20m);

        // May and June in full, then 14 of July's 31 days: 1,000.00 × 14 / 31 = 451.61. Nothing for the remainder.
        Assert.Equal(Day("2025-07-14"), owed.FeesUpTo);
        Assert.True(owed.NothingForRemainder);
        Assert.Equal(2_451.61m, owed.FeesToInvoiceExclVat);
    }
}
