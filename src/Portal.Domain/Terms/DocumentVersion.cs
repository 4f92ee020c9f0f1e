namespace Portal.Domain.Terms;

/// <summary>One published version of a contract document. Never edited once published: a correction is a new version.</summary>
public class DocumentVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DocumentType Type { get; set; }

    /// <summary>e.g. "2025_09", as in the document's header.</summary>
    public required string Label { get; set; }

    /// <summary>Markdown.</summary>
    public required string Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 content: what an acceptance record points at.</summary>
    public required string ContentSha256 { get; set; }
    public required string ChangeSummary { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>SEO §20.1: one month after notice, at once for a legal-compliance change.</summary>
    public DateTimeOffset EffectiveAt { get; set; }

    /// <summary>A typo, no change of meaning: published without a new acceptance.</summary>
    public bool IsEditorial { get; set; }
    public bool IsLegalComplianceChange { get; set; }

    /// <summary>Materially reduces availability, backups or support access: opens the amendment termination right.</summary>
    public bool MateriallyReducesService { get; set; }
}
