using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Features.Operations;

/// <summary>
/// Ready means this build's schema: a database restored from an older backup, or an instance of an older build
/// beside a newer one, answers Unhealthy until its migrations are applied (at the next start-up).
/// </summary>
public sealed class MigrationsCheck(IDbContextFactory<PortalDb> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}. Restart the portal to apply them.");
    }
}
