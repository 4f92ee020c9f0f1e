using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Features.Terms.Staff.Acceptances;

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

    /// <summary>Same CSV rules as the acceptance export (RFC 4180, UTF-8 BOM, formulas defused).</summary>
    private static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<AuditRow> rows, IStringLocalizer T, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(AcceptanceCsv.Line(
            [T["Entry"], T["When (UTC)"], T["Who"], T["On behalf of"], T["Client"], T["Action"], T["Entity"], T["Entity id"], T["Before"], T["After"]]));
        await foreach (var r in rows.WithCancellation(ct))
            await writer.WriteAsync(AcceptanceCsv.Line(
            [
                r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AcceptanceCsv.Timestamp(r.At), r.ActorEmail, r.OnBehalfOfEmail,
                r.Client, r.Action, r.EntityType, r.EntityId, r.Before, r.After,
            ]));
        await writer.FlushAsync(ct);
    }
}
