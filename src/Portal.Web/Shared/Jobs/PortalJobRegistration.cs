using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Domain.Operations;

namespace Portal.Web.Shared.Jobs;

public static class PortalJobRegistration
{
    /// <summary>A job as one singleton: both the hosted service and what tests resolve to run a round. Idempotent.</summary>
    public static void AddPortalJob<TJob>(this IServiceCollection services) where TJob : PortalJob
    {
        services.TryAddSingleton(sp => new JobLeases(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.PortalDb>>(),
            sp.GetRequiredService<TimeProvider>(), JobLeaseRule.NewHolder(Environment.MachineName, Environment.ProcessId)));
        if (services.Any(s => s.ServiceType == typeof(TJob))) return;
        services.AddSingleton<TJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TJob>());
    }
}
