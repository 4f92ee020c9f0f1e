namespace Portal.Domain.Termination;

/// <summary>A notice ending the contract (SEO §3, §14; IAM §10), tracked until it takes effect.</summary>
public class TerminationNotice
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public TerminationKind Kind { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public required string FiledByUserId { get; set; }
    public string? Reason { get; set; }

    /// <summary>For a breach: what the Provider failed to do.</summary>
    public string? BreachDescription { get; set; }

    /// <summary>For an amendment termination: the amendment it cites.</summary>
    public Guid? CitedDocumentVersionId { get; set; }

    /// <summary>Entered by staff from the registered-mail receipt; drives breach effective dates.</summary>
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public TerminationStatus Status { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

public enum TerminationKind { NonRenewal, MaterialBreach, AvailabilityBreach, Amendment }

public enum TerminationStatus { Filed, Received, Effective, Withdrawn, Cured }
