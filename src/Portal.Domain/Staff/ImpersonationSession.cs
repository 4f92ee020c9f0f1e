namespace Portal.Domain.Staff;

/// <summary>An AccountManager acting as a ClientAdmin of an assigned Client, for a limited time and a stated reason.</summary>
public class ImpersonationSession
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string StaffUserId { get; set; }

    /// <summary>
    /// The staff member's name and e-mail as they were: the Client's admins read the session in their
    /// "Provider access" list, and they cannot read Provider staff accounts.
    /// </summary>
    public string StaffName { get; set; } = "";
    public string StaffEmail { get; set; } = "";
    public required string TargetUserId { get; set; }
    public Guid ClientId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public ImpersonationEnd? EndedBy { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    /// <summary>When it ended or will end: an expired session that nobody stopped ended at its expiry.</summary>
    public DateTimeOffset EndOrExpiry => EndedAt is { } ended && ended < ExpiresAt ? ended : ExpiresAt;

    /// <summary>Closes the session once; a session already closed keeps its first end.</summary>
    public void End(DateTimeOffset now, ImpersonationEnd why)
    {
        if (EndedAt is not null) return;
        EndedBy = now >= ExpiresAt ? ImpersonationEnd.Expired : why;
        EndedAt = now >= ExpiresAt ? ExpiresAt : now;
    }
}

public enum ImpersonationEnd { Stopped, Expired, SignedOut }
