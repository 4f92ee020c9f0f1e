using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Shared;
using Portal.Web.Shared.Jobs;

namespace Portal.Web.Features.Billing;

/// <summary>
/// SEO §10.2: invoices are issued in advance, on the first day of the period they bill. At start-up and then
/// hourly, issues whatever the order forms' schedules say is due today; a period already issued is never issued
/// again (the unique schedule key), so a restart, a second instance or a staff click in between does no harm.
/// </summary>
public sealed class InvoiceIssuanceJob(InvoiceIssuer issuer, TimeProvider clock, IOptions<PortalOptions> portalOptions,
    JobLeases leases, ILogger<InvoiceIssuanceJob> log) : PortalJob(clock, portalOptions, leases, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<bool> RoundAsync(CancellationToken abort)
    {
        await issuer.IssueDueAsync(Actor.System, Clock.Today(), ct: abort);
        return false;
    }
}
