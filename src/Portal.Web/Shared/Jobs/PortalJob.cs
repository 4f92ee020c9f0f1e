using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Domain.Operations;

namespace Portal.Web.Shared.Jobs;

/// <summary>What became of an attempt at a round.</summary>
public enum RoundOutcome
{
    /// <summary>Another instance holds the job's lease: it runs the round.</summary>
    HeldElsewhere,
    Done,
    /// <summary>The round left work over: the next one starts at once.</summary>
    WorkLeft,
}

/// <summary>
/// The loop every background job of the portal runs: a round at start-up, then one every <see cref="Interval"/>;
/// a failed round is logged and tried again at the next. Each round first takes the job's lease in the database
/// (<see cref="JobLeases"/>), so with N instances it runs on one at a time; the lease is renewed while the round
/// runs, and a round that did all its work keeps it until the next round is due, so a job runs once per interval
/// across all instances. Each job's round stays idempotent (unique keys, claims) all the same.
/// Shutdown lets the round in progress finish: its token is cancelled only when the host's shutdown timeout
/// has passed. Tests call a job's round directly, or <see cref="TryRoundAsync"/>, rather than waiting for the loop.
/// </summary>
public abstract class PortalJob(TimeProvider clock, IOptions<PortalOptions> portalOptions, JobLeases leases, ILogger log)
    : BackgroundService
{
    // Cancelled by StopAsync's token, which the host cancels after HostOptions.ShutdownTimeout, not when stopping begins.
    private readonly CancellationTokenSource shutdownTimedOut = new();

    protected TimeProvider Clock { get; } = clock;
    protected PortalOptions Options => portalOptions.Value;

    /// <summary>The job's name in the JobLeases table and the logs.</summary>
    public string Name => GetType().Name;

    protected abstract TimeSpan Interval { get; }

    /// <summary>
    /// One round; returns true when work is left over, to start the next round at once. <paramref name="abort"/> is
    /// cancelled only when shutdown has waited too long: a round finishes what it does when the host merely stops.
    /// </summary>
    protected abstract Task<bool> RoundAsync(CancellationToken abort);

    /// <summary>One round under the job's lease: nothing when another instance holds it.</summary>
    public async Task<RoundOutcome> TryRoundAsync(CancellationToken abort = default)
    {
        if (!await leases.TryTakeAsync(Name, abort)) return RoundOutcome.HeldElsewhere;
        using var roundOver = CancellationTokenSource.CreateLinkedTokenSource(abort);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var renewing = RenewWhileRunningAsync(roundOver.Token, leaseLost);
        var outcome = RoundOutcome.WorkLeft; // a failed round is retried by whichever instance comes first
        try
        {
            outcome = await RoundAsync(leaseLost.Token) ? RoundOutcome.WorkLeft : RoundOutcome.Done;
            return outcome;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            // Another instance holds the job now (this one stalled past the lease): it does the rest, unit by unit.
            return outcome = RoundOutcome.HeldElsewhere;
        }
        finally
        {
            await roundOver.CancelAsync();
            await renewing;
            await ReleaseAsync(outcome == RoundOutcome.Done ? Interval : TimeSpan.Zero);
        }
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.BackgroundJobs) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Not the stopping token: a round that has begun is finished, then the loop ends.
                if (await TryRoundAsync(shutdownTimedOut.Token) == RoundOutcome.WorkLeft) continue;
            }
            catch (OperationCanceledException) when (shutdownTimedOut.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "{Job} failed; trying again in {Interval}", Name, Interval);
            }
            try
            {
                await Task.Delay(Interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits for the round in progress; the host cancels <paramref name="cancellationToken"/> after its shutdown timeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var _ = cancellationToken.Register(shutdownTimedOut.Cancel);
        await base.StopAsync(cancellationToken);
        if (Options.BackgroundJobs) await ReleaseAsync(TimeSpan.Zero); // another instance takes the next round without waiting out this one's interval
    }

    public override void Dispose()
    {
        shutdownTimedOut.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task RenewWhileRunningAsync(CancellationToken roundOver, CancellationTokenSource leaseLost)
    {
        while (!roundOver.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(JobLeaseRule.RenewEvery, Clock, roundOver);
                if (!await leases.RenewAsync(Name, roundOver))
                {
                    log.LogWarning("{Job} lost its lease while its round ran: the round stops after its current unit of work, " +
                                   "and the instance that holds the lease now goes on", Name);
                    await leaseLost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (roundOver.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "{Job} could not renew its lease; it lapses after {Duration} unless a later renewal succeeds",
                    Name, JobLeaseRule.Duration);
            }
        }
    }

    // After a round, even one that failed: the lease would lapse by itself, but the next round need not wait for it.
    private async Task ReleaseAsync(TimeSpan nextRoundIn)
    {
        try
        {
            await leases.ReleaseAsync(Name, nextRoundIn, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "{Job} could not release its lease; it lapses after {Duration}", Name, JobLeaseRule.Duration);
        }
    }
}
