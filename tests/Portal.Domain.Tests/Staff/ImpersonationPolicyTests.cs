using Portal.Domain.People;
using Portal.Domain.Staff;

namespace Portal.Domain.Tests.Staff;

public class ImpersonationPolicyTests
{
    private static readonly string[] ClientAdmin = [Role.ClientAdmin];

    /// <summary>The table of the issue: each guarded action, for a person acting for themself and for a staff member acting for them.</summary>
    [Theory]
    [InlineData(GuardedAction.BillingContacts, false, true)]
    [InlineData(GuardedAction.BillingContacts, true, false)]
    [InlineData(GuardedAction.AcceptTerms, false, true)]
    [InlineData(GuardedAction.AcceptTerms, true, false)]
    [InlineData(GuardedAction.FileNotice, false, true)]
    [InlineData(GuardedAction.FileNotice, true, false)]
    [InlineData(GuardedAction.WithdrawNotice, false, true)]
    [InlineData(GuardedAction.WithdrawNotice, true, false)]
    [InlineData(GuardedAction.SepaMandate, false, true)]
    [InlineData(GuardedAction.SepaMandate, true, false)]
    [InlineData(GuardedAction.SeatRequest, false, true)]
    [InlineData(GuardedAction.SeatRequest, true, false)]
    [InlineData(GuardedAction.Credentials, false, true)]
    [InlineData(GuardedAction.Credentials, true, false)]
    [InlineData(GuardedAction.TwoFactor, false, true)]
    [InlineData(GuardedAction.TwoFactor, true, false)]
    public void Every_guarded_action_is_refused_while_impersonating_and_allowed_otherwise(GuardedAction action, bool impersonating, bool allowed)
    {
        var answer = ImpersonationPolicy.Allows(action, impersonating);

        Assert.Equal(allowed, answer.Allowed);
        Assert.Equal(allowed, answer.Message is null);
    }

    [Fact]
    public void Each_refusal_says_what_was_refused_in_its_own_words()
    {
        var messages = Enum.GetValues<GuardedAction>().Select(a => ImpersonationPolicy.Allows(a, impersonating: true).Message).ToList();

        Assert.All(messages, m => Assert.Contains("while acting for a Client", m));
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    /// <summary>Role × assignment: who may start acting as a Client's administrator.</summary>
    [Theory]
    [InlineData(Role.AccountManager, true, true)]
    [InlineData(Role.AccountManager, false, false)] // not assigned to that Client
    [InlineData(Role.ProviderAdmin, false, true)] // every Client
    [InlineData(Role.Support, true, false)] // read-only, even if someone assigned them
    [InlineData(Role.Support, false, false)]
    [InlineData(Role.ClientAdmin, true, false)]
    [InlineData(Role.ClientUser, false, false)]
    public void Only_an_assigned_AccountManager_or_a_ProviderAdmin_may_start(string role, bool assigned, bool allowed)
    {
        var answer = ImpersonationPolicy.MayStart([role], assigned, alreadyImpersonating: false, ClientAdmin, targetActive: true, "Invoice question");

        Assert.Equal(allowed, answer.Allowed);
    }

    [Fact]
    public void An_unassigned_AccountManager_is_told_to_ask_for_the_assignment()
    {
        var answer = ImpersonationPolicy.MayStart([Role.AccountManager], false, false, ClientAdmin, true, "Invoice question");

        Assert.Contains("assigned to you", answer.Message);
    }

    [Theory]
    [InlineData(Role.ClientUser, true)] // only as an administrator
    [InlineData(Role.AccountManager, true)] // never as staff
    [InlineData(Role.ClientAdmin, false)] // a deactivated administrator
    public void The_target_must_be_an_active_ClientAdmin(string targetRole, bool targetActive)
    {
        var answer = ImpersonationPolicy.MayStart([Role.ProviderAdmin], false, false, [targetRole], targetActive, "Invoice question");

        Assert.False(answer.Allowed);
        Assert.Contains("active administrator", answer.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_reason_is_refused(string? reason)
    {
        var answer = ImpersonationPolicy.MayStart([Role.AccountManager], true, false, ClientAdmin, true, reason);

        Assert.False(answer.Allowed);
        Assert.Contains("reason", answer.Message);
    }

    [Fact]
    public void Nobody_starts_a_second_session_from_inside_one()
    {
        var answer = ImpersonationPolicy.MayStart([Role.ProviderAdmin], true, alreadyImpersonating: true, ClientAdmin, true, "Invoice question");

        Assert.False(answer.Allowed);
    }

    [Theory]
    [InlineData(null, 30, 30)] // the default
    [InlineData(null, 45, 45)] // the provider's setting
    [InlineData(null, 90, 60)] // a setting above the cap
    [InlineData(15, 30, 15)] // asked for less
    [InlineData(120, 30, 60)] // never more than 60
    [InlineData(0, 30, 1)]
    public void A_session_lasts_the_asked_or_configured_minutes_never_more_than_60(int? requested, int configured, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), ImpersonationPolicy.Duration(requested, configured));
    }

    [Fact]
    public void A_session_runs_until_stopped_or_expired_and_keeps_its_first_end()
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var session = new ImpersonationSession { StaffUserId = "am", TargetUserId = "admin", Reason = "x", StartedAt = start, ExpiresAt = start.AddMinutes(30) };

        Assert.True(session.IsActiveAt(start.AddMinutes(29)));
        Assert.False(session.IsActiveAt(start.AddMinutes(30)));

        session.End(start.AddMinutes(10), ImpersonationEnd.Stopped);
        session.End(start.AddMinutes(20), ImpersonationEnd.SignedOut);

        Assert.False(session.IsActiveAt(start.AddMinutes(11)));
        Assert.Equal(ImpersonationEnd.Stopped, session.EndedBy);
        Assert.Equal(start.AddMinutes(10), session.EndedAt);
    }

    [Fact]
    public void A_session_found_after_its_expiry_ended_at_its_expiry()
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var session = new ImpersonationSession { StaffUserId = "am", TargetUserId = "admin", Reason = "x", StartedAt = start, ExpiresAt = start.AddMinutes(30) };

        session.End(start.AddHours(2), ImpersonationEnd.Stopped);

        Assert.Equal(ImpersonationEnd.Expired, session.EndedBy);
        Assert.Equal(start.AddMinutes(30), session.EndedAt);
    }
}
