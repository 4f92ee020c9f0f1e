namespace Portal.Domain.Subsidiaries;

/// <summary>An entity the Client controls, allowed to use the service (SEO §5.1, IAM §1.4).</summary>
public class Subsidiary
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public required string LegalName { get; set; }
    public string? RegistrationNumber { get; set; }
    public required string Country { get; set; }

    /// <summary>Share of voting securities the Client holds, directly or beneficially, 0–100.</summary>
    public decimal ControlPercent { get; set; }

    /// <summary>IAM §12.14: the Client told the Subsidiary the Agreement's contents; recorded before its Users get access.</summary>
    public DateTimeOffset? AgreementNotifiedAt { get; set; }
    public string? AgreementNotifiedByUserId { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
    public SubsidiaryEndReason? EndReason { get; set; }
    public string? EndedByUserId { get; set; }

    /// <summary>What the person ending it wrote, e.g. the buyer's name or the date control fell.</summary>
    public string? EndNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsActive => EndedAt is null;
}

public enum SubsidiaryEndReason { ControlBelowThreshold, Sold, Competitor }
