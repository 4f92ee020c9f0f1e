using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Shared;

namespace Portal.Web.Features.Terms;

public static class TermsFeature
{
    public static void AddTermsFeature(this IServiceCollection services)
    {
        services.AddScoped<TermsService>();
        services.AddScoped<TermsStanding>();
        services.AddScoped<ConnectionEvidence>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<ConnectionEvidence>());
    }

    /// <summary>
    /// The terms gate on every request (pages and downloads alike). Placed after the impersonation gate: an ended
    /// impersonation is left before anything is gated.
    /// </summary>
    public static void UseTermsGate(this WebApplication app) => app.UseMiddleware<TermsGate>();

    /// <summary>A document version as a PDF, for anyone signed in: the versions are the same for every Client.</summary>
    public static void MapTermsEndpoints(this WebApplication app) =>
        app.MapGet("/terms/{versionId:guid}/pdf", async (Guid versionId, PortalData data, IStringLocalizer<Text> T, CancellationToken ct) =>
            {
                await using var db = await data.OpenAsync();
                var now = db.Clock.GetUtcNow();
                if (await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.PublishedAt <= now, ct)
                    is not { } version) return Results.NotFound();
                var provider = await db.ProviderProfiles.Select(p => p.LegalName).FirstOrDefaultAsync(ct) ?? "";
                return Results.File(DocumentPdf.Render(version, provider, T), "application/pdf", DocumentPdf.FileName(version));
            })
            .RequireAuthorization();
}
