using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.People;
using Portal.Domain.Staff;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Impersonation;

public static class ImpersonationFeature
{
    public static void AddImpersonationFeature(this IServiceCollection services)
    {
        services.AddScoped<ImpersonationService>();
        // Identity re-issues the cookie when it re-checks the security stamp: keep who is acting and the session in it.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            var kept = context.CurrentPrincipal?.Claims.Where(c => c.Type is PortalClaims.ImpersonatorId
                or PortalClaims.ImpersonatorEmail or PortalClaims.ImpersonationSessionId).ToList() ?? [];
            if (kept.Count > 0 && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                identity.AddClaims(kept);
            return Task.CompletedTask;
        });
    }

    /// <summary>The gate: while acting for a Client, the credential and 2FA pages are refused (pages and downloads alike).</summary>
    public static void UseImpersonationGate(this WebApplication app) => app.UseMiddleware<ImpersonationGate>();

    public static void MapImpersonationEndpoints(this WebApplication app)
    {
        // Step two of starting: the session row exists (ImpersonationService.StartAsync); this writes the cookie.
        app.MapGet("/staff/impersonation/{id:guid}/enter", async (Guid id, HttpContext http, ImpersonationService sessions,
                SignInManager<PortalUser> signIn) =>
            await sessions.EnterAsync(http, signIn, id) ? Results.LocalRedirect("~/") : Results.LocalRedirect("~/staff/clients?ended=refused"))
            .RequireAuthorization(p => p.RequireRole(Role.AccountManager, Role.ProviderAdmin));

        app.MapPost("/staff/impersonation/stop", async (HttpContext http, ImpersonationService sessions, SignInManager<PortalUser> signIn) =>
            {
                var number = await sessions.LeaveAsync(http, signIn, ImpersonationEnd.Stopped);
                return Results.LocalRedirect(number is null ? "~/staff/clients" : $"~/staff/clients/{number}?ended=stopped");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireAuthorization();
    }
}
