using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Jobs;

namespace Portal.Integration.Tests.Operations;

/// <summary>
/// A background job whose round waits at a gate the test opens, then does its one unit of work (counted). Two of them
/// with different lease holders are two portal instances running the same job on one database.
/// </summary>
internal sealed class GatedJob(ClockedPortalFactory portal, string holder) : PortalJob(portal.Clock,
    Microsoft.Extensions.Options.Options.Create(new PortalOptions { BackgroundJobs = true }),
    new JobLeases(portal.Get<IDbContextFactory<PortalDb>>(), portal.Clock, holder), NullLogger.Instance)
{
    private int units;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Rounds that finished their unit of work.</summary>
    public int Units => units;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<bool> RoundAsync(CancellationToken abort)
    {
        Entered.TrySetResult();
        await Gate.Task.WaitAsync(abort);
        Interlocked.Increment(ref units);
        return false;
    }
}
