using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Web.Data;
using Portal.Web.Features.Terms.Staff;
using Portal.Web.Features.Terms.Staff.Acceptances;
using Portal.Web.Features.Terms.Staff.Documents;
using Portal.Web.Shared.Jobs;

namespace Portal.Web.Features.Terms;

public static class TermsFeature
{
    public static void AddTermsFeature(this IServiceCollection services)
    {
        services.AddScoped<TermsService>();
        services.AddScoped<TermsStanding>();
        services.AddScoped<ConnectionEvidence>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<ConnectionEvidence>());
        services.AddPortalJob<DeemedAcceptanceJob>();
        // Staff: publishing document versions (ProviderAdmin), their amendment notices and the comparison of versions;
        // Support's review of the acceptance records and the chain's integrity check.
        services.AddScoped<DocumentPublishing>();
        services.AddScoped<AcceptanceReview>();
        services.AddScoped<ChainIntegrity>();
    }

    /// <summary>
    /// The terms gate on every request (pages and downloads alike). Placed after the impersonation gate: an ended
    /// impersonation is left before anything is gated.
    /// </summary>
    public static void UseTermsGate(this WebApplication app) => app.UseMiddleware<TermsGate>();

    public static void MapTermsEndpoints(this WebApplication app)
    {
        // A document version as a PDF, for anyone signed in: the versions are the same for every Client.
        app.MapGet("/terms/{versionId:guid}/pdf", async (Guid versionId, PersonDatabase data, IStringLocalizer<UserText> T, CancellationToken ct) =>
            {
                await using var db = await data.OpenAsync();
                var now = db.Clock.GetUtcNow();
                if (await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.PublishedAt <= now, ct)
                    is not { } version) return Results.NotFound();
                var provider = await db.ProviderProfiles.Select(p => p.LegalName).FirstOrDefaultAsync(ct) ?? "";
                return Results.File(DocumentPdf.Render(version, provider, T), "application/pdf", DocumentPdf.FileName(version));
            })
            .RequireAuthorization();

        // DOMAIN "People": Support (and ProviderAdmins) review and export acceptance records.
        app.MapGet("/staff/acceptances/export.csv", (
                [AsParameters] AcceptanceReview.Filter filter, AcceptanceReview review, IStringLocalizer<UserText> T,
                TimeProvider clock, HttpContext http) =>
            Results.Stream(
                output => AcceptanceCsv.WriteAsync(output, review.ExportAsync(filter, http.RequestAborted), T, http.RequestAborted),
                "text/csv; charset=utf-8",
                $"acceptances-{clock.GetUtcNow():yyyy-MM-dd}.csv"))
            .RequireAuthorization(policy => policy.RequireRole(Role.Support, Role.ProviderAdmin));

        // Issue 15 §5: the signed PDF an OrderFormSigned record points at, for staff only.
        app.MapGet("/staff/acceptances/{id:long}/signed-order-form", async (long id, PersonDatabase data, CancellationToken ct) =>
            {
                await using var db = await data.OpenAsync();
                return await PaperSignatures.DocumentOfAsync(db, id, ct) is { } signed
                    ? Results.File(signed.Content, "application/pdf", signed.FileName)
                    : Results.NotFound();
            })
            .RequireAuthorization(policy => policy.RequireRole(Role.Support, Role.AccountManager, Role.ProviderAdmin));

        // A ClientAdmin downloads the same sheet as an acceptance certificate; the tenancy filter makes
        // another Client's record a 404.
        app.MapGet("/acceptances/{id:long}/pdf", async (
                long id, AcceptanceReview review, PersonDatabase data, IStringLocalizer<UserText> T, TimeProvider clock, CancellationToken ct) =>
            {
                if (await review.EvidenceAsync(id, ct) is not { } evidence) return Results.NotFound();
                await using var db = await data.OpenAsync();
                var provider = await db.ProviderProfiles.Select(p => p.LegalName).FirstOrDefaultAsync(ct) ?? "";
                return Results.File(EvidenceSheet.Render(evidence, provider, clock.GetUtcNow(), T), "application/pdf", EvidenceSheet.FileName(id));
            })
            .RequireAuthorization(policy => policy.RequireRole(Role.ClientAdmin, Role.Support, Role.ProviderAdmin));
    }
}
