using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Seats;

/// <summary>
/// A one-time link that lets an invited person choose their password. Only the SHA-256 of the token is
/// stored: a copy of the database cannot be used to accept someone's invitation. It is used or revoked only through
/// <see cref="Accept"/> and <see cref="Revoke"/>.
/// </summary>
public class Invitation
{
    /// <summary>The default validity of a link; after it, the administrator resends one.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>Set when the administrator revokes the link or sends a new one, which replaces it.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Still waiting for the person (the link may have expired): the seat stays held.</summary>
    public bool IsOpen => AcceptedAt is null && RevokedAt is null;

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Used
        : RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Valid;

    /// <summary>
    /// The invited person uses the link. Null when it worked; otherwise the link's state, which says why not (expired,
    /// already used, revoked): a stale or forwarded link is something a person does, so the page words it.
    /// </summary>
    public InvitationState? Accept(DateTimeOffset now)
    {
        if (StateAt(now) is var state and not InvitationState.Valid) return state;
        AcceptedAt = now;
        return null;
    }

    /// <summary>
    /// The administrator revokes the link or sends a new one, or the User is removed. Callers revoke the open links they
    /// found, expired ones included (they still hold the seat): revoking a used or revoked link is a bug.
    /// </summary>
    public void Revoke(DateTimeOffset now)
    {
        if (!IsOpen) throw new InvalidOperationException($"Invitation {Id} is {StateAt(now)}: only an open link can be revoked.");
        RevokedAt = now;
    }

    /// <summary>A new link's token (what goes in the e-mail) and its hash (what is stored).</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public enum InvitationState { Valid, Expired, Used, Revoked }
