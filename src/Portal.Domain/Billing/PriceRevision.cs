namespace Portal.Domain.Billing;

/// <summary>SEO §10.3: at an anniversary, P(t) = P(t-1) × S(t) / S(t-1) with the Syntec index.</summary>
public class PriceRevision
{
    public int Id { get; set; }
    public Guid ClientId { get; set; }
    public Guid OrderFormId { get; set; }
    public DateOnly Anniversary { get; set; }
    public decimal PreviousIndex { get; set; }
    public decimal NewIndex { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public required string AppliedByUserId { get; set; }
}
