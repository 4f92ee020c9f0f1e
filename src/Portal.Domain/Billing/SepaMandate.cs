namespace Portal.Domain.Billing;

/// <summary>SEO §11: monthly billing needs a SEPA direct-debit mandate by the Effective Date.</summary>
public class SepaMandate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }
    public required string Iban { get; set; }
    public required string Bic { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public required string SignedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
