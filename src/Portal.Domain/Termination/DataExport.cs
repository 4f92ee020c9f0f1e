namespace Portal.Domain.Termination;

/// <summary>
/// SEO §8.3: before access closes the Client retrieves its data. One archive of its invoices (PDF), Users, Subsidiaries
/// and acceptance records (CSV) and a contract summary, built in the background; the file is kept with the request.
/// Its status changes only through the methods below: Queued → Building → Ready, or Failed from Queued or Building.
/// Only the export job moves it, so a move from the wrong status is a bug and throws.
/// </summary>
public class DataExport
{
    /// <summary>Where the progress bar stands once the job has taken the export: it moves at once.</summary>
    public const int StartedPercent = 5;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; set; }

    /// <summary>Null when the portal queued it itself (on filing a notice).</summary>
    public string? RequestedByUserId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DataExportStatus Status { get; private set; } = DataExportStatus.Queued;

    /// <summary>0–100, for the progress bar.</summary>
    public int Percent { get; private set; }
    public string? FileName { get; private set; }
    public byte[]? Content { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Queued or Building: the Client waits for it, and no second export is queued meanwhile.</summary>
    public bool InProgress => Status is DataExportStatus.Queued or DataExportStatus.Building;

    public void StartBuilding()
    {
        Require(DataExportStatus.Queued);
        (Status, Percent) = (DataExportStatus.Building, StartedPercent);
    }

    /// <summary>The bar only moves forward, up to 100.</summary>
    public void ReportProgress(int percent)
    {
        Require(DataExportStatus.Building);
        if (percent < Percent || percent > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"Export {Id} stands at {Percent} %: progress moves forward, up to 100.");
        Percent = percent;
    }

    public void Complete(string fileName, byte[] content, DateTimeOffset at)
    {
        Require(DataExportStatus.Building);
        (FileName, Content, CompletedAt) = (fileName, content, at);
        (Status, Percent) = (DataExportStatus.Ready, 100);
    }

    /// <summary>The bar stays where the build stopped; the reason is kept for the Client and the log.</summary>
    public void Fail(string error)
    {
        if (!InProgress) throw new InvalidOperationException($"Export {Id} is {Status}: only an export in progress can fail.");
        (Status, Error) = (DataExportStatus.Failed, error);
    }

    private void Require(DataExportStatus expected)
    {
        if (Status != expected) throw new InvalidOperationException($"Export {Id} is {Status}, not {expected}.");
    }
}

public enum DataExportStatus { Queued, Building, Ready, Failed }
