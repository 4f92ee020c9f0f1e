namespace Portal.Domain.Staff;

/// <summary>One change of state: who, on behalf of whom, when, what, before and after. Append-only.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The person who acted; null for the portal's own jobs.</summary>
    public string? ActorUserId { get; set; }
    public string? ActorEmail { get; set; }

    /// <summary>The ClientAdmin an AccountManager was impersonating, if any.</summary>
    public string? OnBehalfOfUserId { get; set; }
    public string? OnBehalfOfEmail { get; set; }
    public Guid? ClientId { get; set; }

    /// <summary>e.g. "Invoice.Added", "User.SignInFailed".</summary>
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>JSON of the changed properties' old and new values.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
