namespace Portal.Web.Features.Dashboard;

public static class DashboardFeature
{
    public static void AddDashboardFeature(this IServiceCollection services) => services.AddScoped<DashboardService>();
}
