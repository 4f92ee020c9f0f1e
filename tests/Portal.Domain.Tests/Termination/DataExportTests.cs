using Portal.Domain.Termination;

namespace Portal.Domain.Tests.Termination;

/// <summary>SEO §8.3: an export's status moves Queued → Building → Ready, or to Failed; only the export job moves it.</summary>
public class DataExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Zip = [0x50, 0x4B, 0x05, 0x06];

    private static DataExport In(DataExportStatus status)
    {
        var export = new DataExport { ClientId = Guid.NewGuid(), RequestedAt = Now };
        if (status != DataExportStatus.Queued) export.StartBuilding();
        if (status == DataExportStatus.Ready) export.Complete("data.zip", Zip, Now);
        if (status == DataExportStatus.Failed) export.Fail("disk full");
        Assert.Equal(status, export.Status);
        return export;
    }

    [Fact]
    public void A_requested_export_waits_in_the_queue_at_zero()
    {
        var export = In(DataExportStatus.Queued);

        Assert.Equal(0, export.Percent);
        Assert.True(export.InProgress);
    }

    [Fact]
    public void Built_it_moves_forward_to_ready_with_its_file()
    {
        var export = In(DataExportStatus.Queued);

        export.StartBuilding();
        Assert.Equal((DataExportStatus.Building, DataExport.StartedPercent), (export.Status, export.Percent));
        export.ReportProgress(60);
        export.ReportProgress(60);
        Assert.Equal(60, export.Percent);
        export.Complete("data-C-0001.zip", Zip, Now);

        Assert.Equal(DataExportStatus.Ready, export.Status);
        Assert.Equal(100, export.Percent);
        Assert.Equal("data-C-0001.zip", export.FileName);
        Assert.Same(Zip, export.Content);
        Assert.Equal(Now, export.CompletedAt);
        Assert.False(export.InProgress);
    }

    [Theory]
    [InlineData(DataExportStatus.Queued)]
    [InlineData(DataExportStatus.Building)]
    public void A_failure_keeps_its_reason_and_where_the_bar_stopped(DataExportStatus status)
    {
        var export = In(status);
        var percent = export.Percent;

        export.Fail("The database did not answer.");

        Assert.Equal((DataExportStatus.Failed, "The database did not answer.", percent), (export.Status, export.Error, export.Percent));
        Assert.Null(export.Content);
    }

    [Theory]
    [InlineData(DataExportStatus.Building)]
    [InlineData(DataExportStatus.Ready)]
    [InlineData(DataExportStatus.Failed)]
    public void Only_a_queued_export_starts(DataExportStatus status) =>
        Assert.Throws<InvalidOperationException>(() => In(status).StartBuilding());

    [Theory]
    [InlineData(DataExportStatus.Queued)]
    [InlineData(DataExportStatus.Ready)]
    [InlineData(DataExportStatus.Failed)]
    public void Only_an_export_being_built_reports_progress_or_completes(DataExportStatus status)
    {
        var export = In(status);

        Assert.Throws<InvalidOperationException>(() => export.ReportProgress(60));
        Assert.Throws<InvalidOperationException>(() => export.Complete("data.zip", Zip, Now));
        Assert.Equal(status, export.Status);
    }

    [Theory]
    [InlineData(4)]   // backwards from 5
    [InlineData(101)]
    public void Progress_moves_forward_up_to_100(int percent)
    {
        var export = In(DataExportStatus.Building);

        Assert.Throws<ArgumentOutOfRangeException>(() => export.ReportProgress(percent));
        Assert.Equal(DataExport.StartedPercent, export.Percent);
    }

    [Theory]
    [InlineData(DataExportStatus.Ready)]
    [InlineData(DataExportStatus.Failed)]
    public void A_finished_export_cannot_fail(DataExportStatus status)
    {
        var export = In(status);

        Assert.Throws<InvalidOperationException>(() => export.Fail("late"));
        Assert.Equal(status, export.Status);
    }
}
