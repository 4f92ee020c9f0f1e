using System.Globalization;
using Portal.Domain.Subscription;
using Portal.Domain.Termination;

namespace Portal.Domain.Tests.Termination;

/// <summary>
/// DOMAIN "Termination notices": each move of a notice's status, legal and illegal. Filed on 3 March 2025 under a term from
/// 1 January 2025 (12 months, notice 2 months): a non-renewal ends on 31 December, a breach three months after receipt.
/// </summary>
public class TerminationNoticeTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateTimeOffset At(string iso) => new(Day(iso).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static readonly SubscriptionTerm Term = new(Day("2025-01-01"), 12, 12, 2);

    private static TerminationNotice Filed(TerminationKind kind = TerminationKind.MaterialBreach) => new()
    {
        Kind = kind, FiledByUserId = "admin", FiledAt = At("2025-03-03"),
        EffectiveOn = TerminationRules.EffectiveOn(kind, Term, Day("2025-03-03")),
    };

    private static TerminationNotice In(TerminationStatus status, TerminationKind kind = TerminationKind.MaterialBreach)
    {
        var notice = Filed(kind);
        switch (status)
        {
            case TerminationStatus.Received: Assert.Null(notice.MarkReceived(Day("2025-03-05"), Day("2025-03-05"), Term)); break;
            case TerminationStatus.Withdrawn: Assert.Null(notice.Withdraw(Day("2025-03-04"), At("2025-03-04"))); break;
            case TerminationStatus.Cured: Assert.Null(notice.MarkCured(Day("2025-03-04"), At("2025-03-04"))); break;
            case TerminationStatus.Effective: notice.TakeEffect(notice.EffectiveOn.AddDays(1), At("2025-07-01")); break;
        }
        Assert.Equal(status, notice.Status);
        return notice;
    }

    /// <summary>What a refused move must leave as it was.</summary>
    private static object Snapshot(TerminationNotice n) => (n.Status, n.ReceivedOn, n.EffectiveOn, n.ClosedAt);

    [Fact]
    public void A_new_notice_is_filed_open_and_not_closed()
    {
        var notice = Filed();

        Assert.Equal(TerminationStatus.Filed, notice.Status);
        Assert.True(notice.IsOpen);
        Assert.Null(notice.ReceivedOn);
        Assert.Null(notice.ClosedAt);
    }

    // ---- Filed → Received ----

    [Fact]
    public void Recording_the_receipt_of_a_breach_notice_moves_its_last_day_to_three_months_after_it()
    {
        var notice = Filed();
        // C. civ. 641/642 (i16-rules): "3 months after" 3 March ends on 3 June. Until the receipt: three months after filing.
        Assert.Equal(Day("2025-06-03"), notice.EffectiveOn);

        Assert.Null(notice.MarkReceived(Day("2025-03-10"), Day("2025-03-12"), Term));

        Assert.Equal(TerminationStatus.Received, notice.Status);
        Assert.Equal(Day("2025-03-10"), notice.ReceivedOn);
        Assert.Equal(Day("2025-06-10"), notice.EffectiveOn);
        Assert.Null(notice.ClosedAt);
    }

    [Fact]
    public void The_receipt_of_a_non_renewal_leaves_its_last_day_at_the_end_of_the_period()
    {
        var notice = Filed(TerminationKind.NonRenewal);

        Assert.Null(notice.MarkReceived(Day("2025-03-10"), Day("2025-03-12"), Term));

        Assert.Equal(Day("2025-12-31"), notice.EffectiveOn);
    }

    [Fact]
    public void A_mistyped_receipt_date_can_be_entered_again_while_the_notice_is_open()
    {
        var notice = In(TerminationStatus.Received);

        Assert.Null(notice.MarkReceived(Day("2025-03-04"), Day("2025-03-12"), Term));

        Assert.Equal(TerminationStatus.Received, notice.Status);
        Assert.Equal(Day("2025-03-04"), notice.ReceivedOn);
        Assert.Equal(Day("2025-06-04"), notice.EffectiveOn);
    }

    [Theory]
    [InlineData("2025-03-02", "The receipt date cannot be before the notice was filed ({0}).")]
    [InlineData("2025-03-13", "The receipt date cannot be in the future.")]
    public void A_receipt_before_the_filing_or_in_the_future_is_refused_and_changes_nothing(string received, string message)
    {
        var notice = Filed();
        var before = Snapshot(notice);

        Assert.Equal(message, notice.MarkReceived(Day(received), Day("2025-03-12"), Term)?.Template);
        Assert.Equal(before, Snapshot(notice));
    }

    [Theory]
    [InlineData(TerminationStatus.Withdrawn)]
    [InlineData(TerminationStatus.Cured)]
    [InlineData(TerminationStatus.Effective)]
    public void A_closed_notice_takes_no_receipt(TerminationStatus status)
    {
        var notice = In(status);
        var before = Snapshot(notice);

        Assert.Equal("This notice is no longer open: its receipt date cannot change.",
            notice.MarkReceived(Day("2025-03-05"), Day("2025-03-12"), Term)?.Template);
        Assert.Equal(before, Snapshot(notice));
    }

    // ---- Filed or Received → Withdrawn ----

    [Theory]
    [InlineData(TerminationStatus.Filed)]
    [InlineData(TerminationStatus.Received)]
    public void An_open_notice_can_be_withdrawn_up_to_its_last_day(TerminationStatus status)
    {
        var notice = In(status);

        Assert.Null(notice.Withdraw(notice.EffectiveOn, At("2025-05-20")));

        Assert.Equal(TerminationStatus.Withdrawn, notice.Status);
        Assert.Equal(At("2025-05-20"), notice.ClosedAt);
        Assert.False(notice.IsOpen);
    }

    [Fact]
    public void After_its_last_day_a_notice_can_no_longer_be_withdrawn()
    {
        var notice = Filed();
        var before = Snapshot(notice);

        Assert.Equal("This notice took effect on {0}: it can no longer be withdrawn.",
            notice.Withdraw(notice.EffectiveOn.AddDays(1), At("2025-06-03"))?.Template);
        Assert.Equal(before, Snapshot(notice));
    }

    [Theory]
    [InlineData(TerminationStatus.Withdrawn)]
    [InlineData(TerminationStatus.Cured)]
    [InlineData(TerminationStatus.Effective)]
    public void A_closed_notice_cannot_be_withdrawn(TerminationStatus status)
    {
        var notice = In(status);
        var before = Snapshot(notice);

        Assert.Equal("This notice is no longer open: it cannot be withdrawn.", notice.Withdraw(Day("2025-03-20"), At("2025-03-20"))?.Template);
        Assert.Equal(before, Snapshot(notice));
    }

    // ---- Filed or Received → Cured (breach notices) ----

    [Theory]
    [InlineData(TerminationKind.MaterialBreach, TerminationStatus.Filed)]
    [InlineData(TerminationKind.MaterialBreach, TerminationStatus.Received)]
    [InlineData(TerminationKind.AvailabilityBreach, TerminationStatus.Filed)]
    [InlineData(TerminationKind.AvailabilityBreach, TerminationStatus.Received)]
    public void An_open_breach_notice_lapses_when_the_breach_is_cured_before_it_takes_effect(TerminationKind kind, TerminationStatus status)
    {
        var notice = In(status, kind);

        Assert.Null(notice.MarkCured(notice.EffectiveOn, At("2025-05-30")));

        Assert.Equal(TerminationStatus.Cured, notice.Status);
        Assert.Equal(At("2025-05-30"), notice.ClosedAt);
    }

    [Theory]
    [InlineData(TerminationKind.NonRenewal)]
    [InlineData(TerminationKind.Amendment)]
    public void Only_a_breach_notice_can_be_cured(TerminationKind kind)
    {
        var notice = Filed(kind);
        var before = Snapshot(notice);

        Assert.Equal("Only a breach notice can be marked cured.", notice.MarkCured(Day("2025-03-20"), At("2025-03-20"))?.Template);
        Assert.Equal(before, Snapshot(notice));
    }

    [Fact]
    public void A_breach_can_no_longer_be_cured_after_the_last_day()
    {
        var notice = Filed();
        var before = Snapshot(notice);

        Assert.Equal("This notice took effect on {0}: the breach can no longer be cured.",
            notice.MarkCured(notice.EffectiveOn.AddDays(1), At("2025-06-03"))?.Template);
        Assert.Equal(before, Snapshot(notice));
    }

    [Theory]
    [InlineData(TerminationStatus.Withdrawn)]
    [InlineData(TerminationStatus.Cured)]
    [InlineData(TerminationStatus.Effective)]
    public void A_closed_breach_notice_cannot_be_cured(TerminationStatus status)
    {
        var notice = In(status);
        var before = Snapshot(notice);

        Assert.Equal("This notice is no longer open.", notice.MarkCured(Day("2025-03-20"), At("2025-03-20"))?.Template);
        Assert.Equal(before, Snapshot(notice));
    }

    // ---- Filed or Received → Effective (the termination job) ----

    [Theory]
    [InlineData(TerminationStatus.Filed)]
    [InlineData(TerminationStatus.Received)]
    public void An_open_notice_takes_effect_the_day_after_its_last_day_of_service(TerminationStatus status)
    {
        var notice = In(status);

        notice.TakeEffect(notice.EffectiveOn.AddDays(1), At("2025-06-10"));

        Assert.Equal(TerminationStatus.Effective, notice.Status);
        Assert.Equal(At("2025-06-10"), notice.ClosedAt);
    }

    [Fact]
    public void Taking_effect_on_or_before_the_last_day_of_service_is_a_bug()
    {
        var notice = Filed();

        Assert.Throws<InvalidOperationException>(() => notice.TakeEffect(notice.EffectiveOn, At("2025-06-02")));
        Assert.Throws<InvalidOperationException>(() => notice.TakeEffect(Day("2025-03-04"), At("2025-03-04")));
        Assert.Equal(TerminationStatus.Filed, notice.Status);
    }

    [Theory]
    [InlineData(TerminationStatus.Withdrawn)]
    [InlineData(TerminationStatus.Cured)]
    [InlineData(TerminationStatus.Effective)]
    public void A_closed_notice_taking_effect_is_a_bug(TerminationStatus status)
    {
        var notice = In(status);
        var before = Snapshot(notice);

        Assert.Throws<InvalidOperationException>(() => notice.TakeEffect(Day("2026-01-01"), At("2026-01-01")));
        Assert.Equal(before, Snapshot(notice));
    }
}
