namespace Portal.Web.Shared.Access;

public static class AccessRegistration
{
    /// <summary>The checks every area asks before acting: what impersonation refuses, and which Clients a staff member may act for.</summary>
    public static void AddPortalAccess(this IServiceCollection services)
    {
        services.AddScoped<NotWhileImpersonating>();
        services.AddScoped<StaffAccess>();
    }
}
