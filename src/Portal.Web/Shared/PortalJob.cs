using Microsoft.Extensions.Options;

namespace Portal.Web.Shared;

/// <summary>
/// The loop every background job of the portal runs: a round at start-up, then one every <see cref="Interval"/>;
/// a failed round is logged and tried again at the next; shutdown waits for the round in progress.
/// Each job's round is idempotent (unique keys, claims), so a second instance on the same database does no harm.
/// Tests call a job's round directly rather than waiting for the loop.
/// </summary>
public abstract class PortalJob(TimeProvider clock, IOptions<PortalOptions> portalOptions, ILogger log) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;
    protected PortalOptions Options => portalOptions.Value;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; returns true when work is left over, to start the next round at once.</summary>
    protected abstract Task<bool> RoundAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.BackgroundJobs) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await RoundAsync(stoppingToken)) continue;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "{Job} failed; trying again in {Interval}", GetType().Name, Interval);
                }
                await Task.Delay(Interval, Clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the round in progress checked the token only between its units of work.
        }
    }
}

public static class PortalJobRegistration
{
    /// <summary>A job as one singleton: both the hosted service and what tests resolve to run a round. Idempotent.</summary>
    public static void AddPortalJob<TJob>(this IServiceCollection services) where TJob : PortalJob
    {
        if (services.Any(s => s.ServiceType == typeof(TJob))) return;
        services.AddSingleton<TJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TJob>());
    }
}
