using Portal.Domain.Seats;

namespace Portal.Domain.Tests.Seats;

public class InvitationTests
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Invitation SentOn2March() => new()
    {
        UserId = "u", TokenHash = "h", InvitedByUserId = "a", CreatedAt = Sent, ExpiresAt = Sent + Invitation.Validity,
    };

    [Fact]
    public void A_link_sent_on_2_March_at_9_00_works_until_9_March_at_8_59_and_not_at_9_00()
    {
        var invitation = SentOn2March();

        Assert.Equal(InvitationState.Valid, invitation.StateAt(new DateTimeOffset(2026, 3, 9, 8, 59, 59, TimeSpan.Zero)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero)));
        Assert.True(invitation.IsOpen); // an expired link still holds the seat until the admin resends or revokes it
    }

    [Fact]
    public void A_used_link_is_used_and_a_revoked_link_is_revoked_even_before_expiry()
    {
        var used = SentOn2March();
        Assert.Null(used.Accept(Sent.AddHours(1)));
        var revoked = SentOn2March();
        revoked.Revoke(Sent.AddHours(1));

        Assert.Equal(InvitationState.Used, used.StateAt(Sent.AddHours(2)));
        Assert.Equal(InvitationState.Revoked, revoked.StateAt(Sent.AddHours(2)));
        Assert.False(used.IsOpen);
        Assert.False(revoked.IsOpen);
    }

    // ---- Transitions: Valid → Used (the invited person), open → Revoked (the administrator, or the User removed) ----

    [Fact]
    public void A_valid_link_is_used_once()
    {
        var invitation = SentOn2March();

        Assert.Null(invitation.Accept(Sent.AddDays(6)));

        Assert.Equal(Sent.AddDays(6), invitation.AcceptedAt);
        Assert.Equal(InvitationState.Used, invitation.Accept(Sent.AddDays(6).AddMinutes(1)));
        Assert.Equal(Sent.AddDays(6), invitation.AcceptedAt);
    }

    [Fact]
    public void An_expired_or_revoked_link_is_refused_with_its_state_and_stays_unused()
    {
        var expired = SentOn2March();
        var revoked = SentOn2March();
        revoked.Revoke(Sent.AddHours(1));

        Assert.Equal(InvitationState.Expired, expired.Accept(Sent + Invitation.Validity));
        Assert.Equal(InvitationState.Revoked, revoked.Accept(Sent.AddHours(2)));
        Assert.Null(expired.AcceptedAt);
        Assert.Null(revoked.AcceptedAt);
    }

    [Fact]
    public void An_open_link_is_revoked_even_once_expired_since_it_still_holds_the_seat()
    {
        var expired = SentOn2March();

        expired.Revoke(Sent.AddDays(8));

        Assert.Equal(Sent.AddDays(8), expired.RevokedAt);
        Assert.Equal(InvitationState.Revoked, expired.StateAt(Sent.AddDays(9)));
    }

    [Fact]
    public void Revoking_a_used_or_revoked_link_is_a_bug()
    {
        var used = SentOn2March();
        Assert.Null(used.Accept(Sent.AddHours(1)));
        var revoked = SentOn2March();
        revoked.Revoke(Sent.AddHours(1));

        Assert.Throws<InvalidOperationException>(() => used.Revoke(Sent.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => revoked.Revoke(Sent.AddHours(2)));
        Assert.Null(used.RevokedAt);
        Assert.Equal(Sent.AddHours(1), revoked.RevokedAt);
    }

    [Fact]
    public void Only_the_hash_of_a_fresh_random_token_is_kept()
    {
        var (token, hash) = Invitation.NewToken();
        var (other, _) = Invitation.NewToken();

        Assert.NotEqual(token, other);
        Assert.Equal(43, token.Length); // 32 random bytes, base64url without padding
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(Invitation.Hash(token), hash);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token, hash);
    }
}
