using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Web.Shared;
using Portal.Web.Shared.Mail;

namespace Portal.Web.Features.Operations;

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
