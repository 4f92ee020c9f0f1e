using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Terms;
using Portal.Domain.Termination;
using Portal.Web.Shared.Csv;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Shared;
using Portal.Web.Shared.Jobs;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Web.Features.Termination.Export;

/// <summary>
/// SEO §8.3: builds the queued data exports, one archive per request: invoices as PDFs, Users, Subsidiaries and acceptance
/// records as CSV, and a contract summary. Every read goes through the tenancy filter scoped to the exporting Client, so an
/// archive can hold nothing of another Client. Polls every few seconds; tests call <see cref="RunOnceAsync"/>. Idempotent:
/// a built export is never built again.
/// </summary>
public sealed class DataExportJob(
    IDbContextFactory<PortalDb> factory,
    TimeProvider clock,
    IStringLocalizer<UserText> T,
    Microsoft.Extensions.Options.IOptions<PortalOptions> portalOptions, JobLeases leases,
    ILogger<DataExportJob> log) : PortalJob(clock, portalOptions, leases, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    /// <summary>Builds every queued export; returns how many were built.</summary>
    protected override async Task<bool> RoundAsync(CancellationToken abort)
    {
        await RunOnceAsync(abort);
        return false;
    }

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        List<Guid> queued;
        await using (var db = await factory.OpenAsSystemAsync(Clock))
            queued = await db.DataExports.Where(x => x.Status == DataExportStatus.Queued)
                .OrderBy(x => x.RequestedAt).Select(x => x.Id).ToListAsync(ct);
        var built = 0;
        foreach (var id in queued)
            if (await BuildAsync(id, ct)) built++;
        return built;
    }

    private async Task<bool> BuildAsync(Guid exportId, CancellationToken ct)
    {
        await using var system = await factory.OpenAsSystemAsync(Clock);
        var export = await system.DataExports.SingleAsync(x => x.Id == exportId, ct);
        if (export.Status != DataExportStatus.Queued) return false; // another round took it
        export.StartBuilding();
        await system.SaveChangesAsync(ct);
        try
        {
            // The Client's own view of its data: the tenancy filter keeps every other Client out of the archive.
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = new Actor(null, "data-export", export.ClientId, SeesAllClients: false);
            db.Clock = Clock;
            var client = await db.Clients.AsNoTracking().Include(c => c.OrderForms).ThenInclude(f => f.Lines).SingleAsync(ct);

            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                await InvoiceDocuments.AddToZipAsync(db, zip, "invoices/", ct);
                export.ReportProgress(60);
                await system.SaveChangesAsync(ct);

                var users = await (from u in db.Users.AsNoTracking()
                                   join s in db.Subsidiaries on u.SubsidiaryId equals s.Id into subs
                                   from s in subs.DefaultIfEmpty()
                                   orderby u.Email
                                   select new { u.Id, u.DisplayName, u.Email, u.IsServiceAccount, u.CreatedAt, u.DeactivatedAt, Subsidiary = s == null ? null : s.LegalName })
                    .ToListAsync(ct);
                var userIds = users.Select(u => u.Id).ToList();
                var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                   where userIds.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
                var subsidiaries = await db.Subsidiaries.AsNoTracking().OrderBy(s => s.LegalName).ToListAsync(ct);
                var records = await db.AcceptanceRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
                var notices = await db.TerminationNotices.AsNoTracking().OrderBy(n => n.FiledAt).ToListAsync(ct);
                var provider = await db.ProviderProfiles.AsNoTracking().FirstAsync(ct);

                Culture.In(client.Culture, () =>
                {
                    Add(zip, "users.csv", CsvSheet.ToArray([T["Name"], T["E-mail"], T["Role"], T["Subsidiary"], T["Service account"], T["Created (UTC)"], T["Deactivated (UTC)"]],
                        users.Select(u => (IEnumerable<string?>)[u.DisplayName, u.Email,
                            string.Join(" ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)), u.Subsidiary,
                            u.IsServiceAccount ? T["Yes"] : T["No"], Utc(u.CreatedAt), Utc(u.DeactivatedAt)])));
                    Add(zip, "subsidiaries.csv", CsvSheet.ToArray([T["Legal name"], T["Registration number"], T["Country"], T["Control %"], T["Agreement notified (UTC)"], T["Ended (UTC)"]],
                        subsidiaries.Select(s => (IEnumerable<string?>)[s.LegalName, s.RegistrationNumber, s.Country,
                            s.ControlPercent.ToString("0.##", CultureInfo.InvariantCulture), Utc(s.AgreementNotifiedAt), Utc(s.EndedAt)])));
                    Add(zip, "acceptance-records.csv", CsvSheet.ToArray(AcceptanceCsv.Header(T),
                        records.Select(r => AcceptanceCsv.Cells(new AcceptanceEvidence(r, client.LegalName, client.Number), T))));
                    Add(zip, "contract-summary.pdf", ContractSummary.Render(client, notices, provider, Clock.GetUtcNow(), T));
                    return 0;
                });
            }
            export.Complete($"data-{client.Number}-{Clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}.zip", output.ToArray(), Clock.GetUtcNow());
            await system.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Data export {Id} failed", exportId);
            export.Fail(e.Message);
            await system.SaveChangesAsync(ct);
            return false;
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(content);
    }

    private static string? Utc(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
