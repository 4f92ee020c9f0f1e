using Portal.Web.Features.Seats.Staff;
using Portal.Web.Features.Subsidiaries;

namespace Portal.Web.Features.Seats;

public static class SeatsFeature
{
    /// <summary>Named Users under the seat cap, invitations, seat requests (issue #6), and the Subsidiaries whose Users count against it.</summary>
    public static void AddSeatsFeature(this IServiceCollection services)
    {
        services.AddScoped<SeatService>();
        services.AddScoped<SeatRequestDecisions>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<SubsidiaryService>();
    }
}
