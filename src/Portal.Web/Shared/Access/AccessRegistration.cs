namespace Portal.Web.Shared.Access;

public static class AccessRegistration
{
    /// <summary>The checks every area asks before acting: what impersonation refuses, and which Clients a staff member may act for.</summary>
    public static void AddPortalAccess(this IServiceCollection services)
    {
        services.AddScoped<NotWhileImpersonating>();
        services.AddScoped<StaffAccess>();
    }

    /// <summary>Staff without two-factor are sent to set it up while the Provider requires it (StaffTwoFactorGate).</summary>
    public static void UseStaffTwoFactorGate(this WebApplication app) => app.UseMiddleware<StaffTwoFactorGate>();
}
