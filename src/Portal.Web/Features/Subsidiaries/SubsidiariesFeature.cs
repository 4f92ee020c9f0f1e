namespace Portal.Web.Features.Subsidiaries;

public static class SubsidiariesFeature
{
    /// <summary>The Subsidiaries whose Users count against the Client's seats; ending one deactivates its Users.</summary>
    public static void AddSubsidiariesFeature(this IServiceCollection services) => services.AddScoped<SubsidiaryService>();
}
