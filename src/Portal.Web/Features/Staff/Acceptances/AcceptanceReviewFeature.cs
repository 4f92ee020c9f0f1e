using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.People;
using Portal.Web.Shared;
using Portal.Web.Data;

namespace Portal.Web.Features.Staff.Acceptances;

public static class AcceptanceReviewFeature
{
    public static void AddAcceptanceReviewFeature(this IServiceCollection services)
    {
        services.AddScoped<AcceptanceReview>();
        services.AddScoped<ChainIntegrity>();
    }

    public static void MapAcceptanceReviewEndpoints(this WebApplication app)
    {
        // DOMAIN "People": Support (and ProviderAdmins) review and export acceptance records.
        app.MapGet("/staff/acceptances/export.csv", (
                [AsParameters] AcceptanceReview.Filter filter, AcceptanceReview review, IStringLocalizer<Text> T,
                TimeProvider clock, HttpContext http) =>
            Results.Stream(
                output => AcceptanceCsv.WriteAsync(output, review.ExportAsync(filter, http.RequestAborted), T, http.RequestAborted),
                "text/csv; charset=utf-8",
                $"acceptances-{clock.GetUtcNow():yyyy-MM-dd}.csv"))
            .RequireAuthorization(policy => policy.RequireRole(Role.Support, Role.ProviderAdmin));

        // A ClientAdmin downloads the same sheet as an acceptance certificate; the tenancy filter makes
        // another Client's record a 404.
        app.MapGet("/acceptances/{id:long}/pdf", async (
                long id, AcceptanceReview review, PersonDatabase data, IStringLocalizer<Text> T, TimeProvider clock, CancellationToken ct) =>
            {
                if (await review.EvidenceAsync(id, ct) is not { } evidence) return Results.NotFound();
                await using var db = await data.OpenAsync();
                var provider = await db.ProviderProfiles.Select(p => p.LegalName).FirstOrDefaultAsync(ct) ?? "";
                return Results.File(EvidenceSheet.Render(evidence, provider, clock.GetUtcNow(), T), "application/pdf", EvidenceSheet.FileName(id));
            })
            .RequireAuthorization(policy => policy.RequireRole(Role.ClientAdmin, Role.Support, Role.ProviderAdmin));
    }
}
