namespace Portal.Domain.Terms;

/// <summary>
/// Evidence that a Client accepted a document version. Append-only: the data layer refuses
/// updates and deletes, and each record carries the hash of the previous one (a chain).
/// </summary>
public class AcceptanceRecord
{
    /// <summary>Position in the chain, from 1.</summary>
    public long Id { get; set; }
    public Guid ClientId { get; set; }

    // Who, as they were at that moment (a later rename does not rewrite history).
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? UserEmail { get; set; }

    public DocumentType DocumentType { get; set; }
    public Guid DocumentVersionId { get; set; }
    public required string VersionLabel { get; set; }
    public required string ContentSha256 { get; set; }
    public AcceptanceMethod Method { get; set; }

    /// <summary>UTC, to the millisecond.</summary>
    public DateTimeOffset AcceptedAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? Culture { get; set; }
    public string? PageUrl { get; set; }
    public string? CheckboxWording { get; set; }
    public string? ButtonWording { get; set; }

    /// <summary>For OrderFormSigned: the signed document staff attached, and its hash.</summary>
    public string? SignedDocumentFileName { get; set; }
    public string? SignedDocumentSha256 { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

public enum AcceptanceMethod { Clickwrap, DeemedAfterNotice, OrderFormSigned }
