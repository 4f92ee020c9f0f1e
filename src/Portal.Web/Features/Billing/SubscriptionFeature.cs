namespace Portal.Web.Features.Billing;

public static class SubscriptionFeature
{
    public static void AddSubscriptionFeature(this IServiceCollection services)
    {
        services.AddScoped<SubscriptionOverviewService>();
        services.AddScoped<SepaMandateService>();
    }
}
