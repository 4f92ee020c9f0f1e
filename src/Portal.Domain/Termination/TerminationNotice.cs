using Portal.Domain.Subscription;

namespace Portal.Domain.Termination;

/// <summary>
/// A notice ending the contract (SEO §3, §14; IAM §10), tracked until it takes effect. Its status changes only through the
/// methods below (DOMAIN "Termination notices": Filed, Received, Effective, or Withdrawn / Cured):
/// Filed → Received (staff enter the registered letter's receipt; while open, a mistyped date can be entered again);
/// Filed or Received → Withdrawn (the Client) or Cured (staff, a breach notice), both until the last day of service;
/// Filed or Received → Effective (the termination job, once the last day of service has passed).
/// A move a person can ask for at the wrong moment returns why not; one only a bug can ask for throws.
/// </summary>
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
    public DateOnly? ReceivedOn { get; private set; }

    private DateOnly effectiveOn;

    /// <summary>The last day of service: assessed when the notice is filed, moved by the receipt of a breach notice.</summary>
    public DateOnly EffectiveOn { get => effectiveOn; init => effectiveOn = value; }

    public TerminationStatus Status { get; private set; } = TerminationStatus.Filed;
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Filed or Received: the notice still runs towards its last day of service.</summary>
    public bool IsOpen => TerminationRules.IsOpen(Status);

    /// <summary>
    /// Staff record the day the registered letter arrived (refused before the filing day, in the future, or once closed).
    /// SEO §14.1, §14.2: a breach notice takes effect three months after that day.
    /// </summary>
    public RuleMessage? MarkReceived(DateOnly receivedOn, DateOnly today, SubscriptionTerm term, TerminationPolicy? policy = null)
    {
        if (TerminationRules.ReceiptRefusal(this, receivedOn, today) is { } refusal) return refusal;
        ReceivedOn = receivedOn;
        Status = TerminationStatus.Received;
        effectiveOn = TerminationRules.EffectiveOn(Kind, term, DateOnly.FromDateTime(FiledAt.UtcDateTime), receivedOn, policy);
        return null;
    }

    /// <summary>The Client withdraws the notice, while it is open and until its last day of service.</summary>
    public RuleMessage? Withdraw(DateOnly today, DateTimeOffset now)
    {
        if (TerminationRules.WithdrawalRefusal(this, today) is { } refusal) return refusal;
        Close(TerminationStatus.Withdrawn, now);
        return null;
    }

    /// <summary>SEO §14.1, §14.2: staff mark a breach cured before the notice takes effect; the notice lapses.</summary>
    public RuleMessage? MarkCured(DateOnly today, DateTimeOffset now)
    {
        if (TerminationRules.CureRefusal(this, today) is { } refusal) return refusal;
        Close(TerminationStatus.Cured, now);
        return null;
    }

    /// <summary>
    /// SEO §8.3: once its last day of service has passed, the notice takes effect. Only the termination job does this, after
    /// checking the notice is still open: any other call is a bug.
    /// </summary>
    public void TakeEffect(DateOnly today, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new InvalidOperationException($"Termination notice {Id} is {Status}: only an open notice takes effect.");
        if (today <= EffectiveOn)
            throw new InvalidOperationException($"Termination notice {Id} runs to the end of {EffectiveOn:yyyy-MM-dd}: it cannot take effect on {today:yyyy-MM-dd}.");
        Close(TerminationStatus.Effective, now);
    }

    private void Close(TerminationStatus status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
    }
}

public enum TerminationKind { NonRenewal, MaterialBreach, AvailabilityBreach, Amendment }

public enum TerminationStatus { Filed, Received, Effective, Withdrawn, Cured }
