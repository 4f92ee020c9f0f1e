using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

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

/// <summary>
/// Without an SMTP server every e-mail is a file in the pickup folder: an instance that cannot write there would
/// queue invoices and notices it can never deliver. Checked by writing and removing a hidden file, as the sender does.
/// </summary>
public sealed class MailPickupCheck(IOptions<MailOptions> mail, PickupFolderMail pickupFolder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(mail.Value.SmtpHost)) return HealthCheckResult.Healthy("E-mail is sent by SMTP.");
        var probe = Path.Combine(pickupFolder.Folder, $".health-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(pickupFolder.Folder);
            await File.WriteAllTextAsync(probe, "", ct);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy(
                $"The mail pickup folder {pickupFolder.Folder} cannot be written ({e.Message}). Fix its permissions or set Portal:MailPickupFolder.");
        }
    }
}
