namespace Portal.Domain.Termination;

/// <summary>The availability measured in one month against the contractual target; three misses in a row open a termination right.</summary>
public class SlaMonth
{
    public int Id { get; set; }
    public Guid ClientId { get; set; }

    /// <summary>The first day of the month measured.</summary>
    public DateOnly Month { get; set; }

    /// <summary>Percent, e.g. 99.5.</summary>
    public decimal AvailabilityPercent { get; set; }
    public decimal TargetPercent { get; set; }
    public bool Missed => AvailabilityPercent < TargetPercent;
}
