using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Domain.Termination;
using Portal.Web.Features.Termination.Export;
using Portal.Web.Features.Termination.Staff;
using Portal.Web.Shared.Jobs;
using Portal.Web.Shared.Security;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Termination;

public static class TerminationFeature
{
    public static void AddTerminationFeature(this IServiceCollection services)
    {
        services.AddScoped<TerminationService>();
        services.AddScoped<NoticeReceipts>();
        services.AddScoped<AvailabilityFigures>();
        services.AddSingleton<NoticeEmails>();
        services.AddSingleton<NoticeEffect>();
        // The hourly job that makes notices take effect and closes access, and the data-export builder.
        services.AddPortalJob<TerminationJob>();
        services.AddPortalJob<DataExportJob>();
    }

    public static void MapTerminationEndpoints(this WebApplication app)
    {
        // The notice as a letter to send, in the Client's language. Read through PersonDatabase: another Client's notice is a 404.
        app.MapGet("/termination/notices/{id:guid}/pdf", async (Guid id, PersonDatabase data, IStringLocalizer<UserText> T, CancellationToken ct) =>
            {
                await using var db = await data.OpenAsync();
                var row = await TerminationService.NoticeRows(db, db.TerminationNotices.AsNoTracking().Where(n => n.Id == id)).SingleOrDefaultAsync(ct);
                if (row is null) return Results.NotFound();
                // An AccountManager reads the notices of the Clients assigned to them only (DOMAIN "People").
                var user = await data.PrincipalAsync();
                if (user.IsInRole(Role.AccountManager) && !user.IsInRole(Role.ProviderAdmin) && !user.IsInRole(Role.Support)
                    && !await db.ClientAssignments.AnyAsync(a => a.ClientId == row.Notice.ClientId
                                                                 && a.StaffUserId == user.FindFirstValue(ClaimTypes.NameIdentifier), ct))
                    return Results.NotFound();
                var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == row.Notice.ClientId, ct);
                var provider = await db.ProviderProfiles.AsNoTracking().FirstAsync(ct);
                var form = await db.OrderForms.AsNoTracking().CurrentOrderForm(client.Id, db.Clock.Today()).Select(f => f.Reference).FirstOrDefaultAsync(ct) ?? "";
                var sla = await db.SlaMonths.AsNoTracking().Where(m => m.ClientId == client.Id).ToListAsync(ct);
                var pdf = NoticePdf.Render(row, client, provider, form, TerminationRules.AvailabilityBreach(sla) ?? [], db.Clock.GetUtcNow(), T);
                return Results.File(pdf, "application/pdf", NoticePdf.FileName(row.Notice));
            })
            .RequireAuthorization(p => p.RequireRole(Role.ClientAdmin, Role.AccountManager, Role.Support, Role.ProviderAdmin));

        // SEO §8.3: the archive of the Client's data, for its administrators only.
        app.MapGet("/termination/exports/{id:guid}", async (Guid id, PersonDatabase data, CancellationToken ct) =>
            {
                await using var db = await data.OpenAsync();
                var export = await db.DataExports.AsNoTracking()
                    .SingleOrDefaultAsync(x => x.Id == id && x.Status == DataExportStatus.Ready, ct);
                return export?.Content is { } zip ? Results.File(zip, "application/zip", export.FileName) : Results.NotFound();
            })
            .RequireAuthorization(p => p.RequireRole(Role.ClientAdmin))
            .RequireRateLimiting(RateLimits.DataExport);
    }
}
