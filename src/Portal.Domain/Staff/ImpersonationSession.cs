namespace Portal.Domain.Staff;

/// <summary>An AccountManager acting as a ClientAdmin of an assigned Client, for a limited time and a stated reason.</summary>
public class ImpersonationSession
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string StaffUserId { get; set; }
    public required string TargetUserId { get; set; }
    public Guid ClientId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;
}
