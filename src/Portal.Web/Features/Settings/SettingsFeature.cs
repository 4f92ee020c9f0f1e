namespace Portal.Web.Features.Settings;

public static class SettingsFeature
{
    /// <summary>The Provider settings (/staff/settings): legal identity, bank details, staff two-factor.</summary>
    public static void AddSettingsFeature(this IServiceCollection services) => services.AddScoped<ProviderSettings>();
}
