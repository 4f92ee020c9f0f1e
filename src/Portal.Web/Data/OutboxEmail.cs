namespace Portal.Web.Data;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that causes it
/// (so nothing is announced that did not happen), then delivered by the background sender.
/// </summary>
public class OutboxEmail
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string ToEmail { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>The Client the e-mail is about, if any (for the Client's own history).</summary>
    public Guid? ClientId { get; set; }

    /// <summary>What caused it, e.g. "Amendment:{versionId}", so a job never sends the same notice twice.</summary>
    public string? Reason { get; set; }

    public string? AttachmentFileName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? Attachment { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
