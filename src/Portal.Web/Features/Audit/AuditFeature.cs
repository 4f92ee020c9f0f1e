using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Shared.Csv;
using Portal.Web.Shared;
using Portal.Web.Data;

namespace Portal.Web.Features.Audit;

public static class AuditFeature
{
    public static void AddAuditFeature(this IServiceCollection services) => services.AddScoped<AuditLog>();

    /// <summary>DOMAIN "People": Support and ProviderAdmins read (and export) the audit log.</summary>
    public static void MapAuditEndpoints(this WebApplication app) =>
        app.MapGet("/staff/audit/export.csv", ([AsParameters] AuditLog.Filter filter, AuditLog log, IStringLocalizer<UserText> T,
                TimeProvider clock, HttpContext http) =>
            Results.Stream(output => WriteCsvAsync(output, log.ExportAsync(filter, http.RequestAborted), T, http.RequestAborted),
                "text/csv; charset=utf-8", $"audit-{clock.GetUtcNow():yyyy-MM-dd}.csv"))
            .RequireAuthorization(policy => policy.RequireRole(Role.Support, Role.ProviderAdmin));

    /// <summary>The portal's one CSV format (<see cref="CsvSheet"/>), a line per entry as it is read.</summary>
    private static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<AuditRow> rows, IStringLocalizer T, CancellationToken ct)
    {
        await using var sheet = CsvSheet.Open(output);
        await sheet.RowAsync([T["Entry"], T["When (UTC)"], T["Who"], T["On behalf of"], T["Client"], T["Action"], T["Entity"], T["Entity id"], T["Before"], T["After"]]);
        await foreach (var r in rows.WithCancellation(ct))
            await sheet.RowAsync(
            [
                r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvSheet.Timestamp(r.At), r.ActorEmail, r.OnBehalfOfEmail,
                r.Client, r.Action, r.EntityType, r.EntityId, r.Before, r.After,
            ]);
    }
}
