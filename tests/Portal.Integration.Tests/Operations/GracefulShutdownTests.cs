using Microsoft.EntityFrameworkCore;

namespace Portal.Integration.Tests.Operations;

/// <summary>Issue #9 "Operations": stopping the portal finishes the job in progress and frees its lease for another instance.</summary>
public sealed class GracefulShutdownTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_round_running_when_the_host_stops_finishes_its_unit_of_work_and_releases_the_lease()
    {
        using var portal = new ClockedPortalFactory(Now);
        var job = new GatedJob(portal, "web-1/41/aaaa1111");
        await job.StartAsync(CancellationToken.None);
        await job.Entered.Task;

        var stopping = job.StopAsync(CancellationToken.None); // the host's shutdown timeout has not passed
        Assert.False(stopping.IsCompleted, "stopping waits for the round in progress");
        job.Gate.SetResult();
        await stopping;

        Assert.Equal(1, job.Units);
        await using var db = await portal.OpenAsSystemAsync();
        var lease = await db.JobLeases.AsNoTracking().SingleAsync(l => l.Job == job.Name);
        Assert.True(lease.ExpiresAt <= Now, "released, so another instance may take the next round at once");
    }

    [Fact]
    public async Task When_the_shutdown_timeout_has_passed_the_round_is_cut_short()
    {
        using var portal = new ClockedPortalFactory(Now);
        var job = new GatedJob(portal, "web-1/41/aaaa1111");
        await job.StartAsync(CancellationToken.None);
        await job.Entered.Task;

        await job.StopAsync(new CancellationToken(canceled: true));
        await job.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1)); // a bound for a hang

        Assert.Equal(0, job.Units);
    }
}
