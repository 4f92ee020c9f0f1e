using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Features.Terms;

public static class TermsFeature
{
    public static void AddTermsFeature(this IServiceCollection services)
    {
        services.AddScoped<TermsService>();
        services.AddScoped<ConnectionEvidence>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<ConnectionEvidence>());
    }
}
