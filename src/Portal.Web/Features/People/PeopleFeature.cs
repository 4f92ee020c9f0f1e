namespace Portal.Web.Features.People;

public static class PeopleFeature
{
    /// <summary>The Provider's staff: invitations, roles, deactivation (issue 15 §3).</summary>
    public static void AddPeopleFeature(this IServiceCollection services) => services.AddScoped<ProviderStaff>();
}
