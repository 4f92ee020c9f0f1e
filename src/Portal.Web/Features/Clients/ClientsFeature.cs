namespace Portal.Web.Features.Clients;

public static class ClientsFeature
{
    public static void AddClientsFeature(this IServiceCollection services) => services.AddScoped<ClientDirectory>();
}
