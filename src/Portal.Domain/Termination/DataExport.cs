namespace Portal.Domain.Termination;

/// <summary>
/// SEO §8.3: before access closes the Client retrieves its data. One archive of its invoices (PDF), Users, Subsidiaries
/// and acceptance records (CSV) and a contract summary, built in the background; the file is kept with the request.
/// </summary>
public class DataExport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }

    /// <summary>Null when the portal queued it itself (on filing a notice).</summary>
    public string? RequestedByUserId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DataExportStatus Status { get; set; }

    /// <summary>0–100, for the progress bar.</summary>
    public int Percent { get; set; }
    public string? FileName { get; set; }
    public byte[]? Content { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Error { get; set; }
}

public enum DataExportStatus { Queued, Building, Ready, Failed }
