using Portal.Web.Features.Seats.Staff;

namespace Portal.Web.Features.Seats;

public static class SeatsFeature
{
    /// <summary>Named Users under the seat cap, invitations, seat requests (issue #6).</summary>
    public static void AddSeatsFeature(this IServiceCollection services)
    {
        services.AddScoped<SeatService>();
        services.AddScoped<SeatRequestDecisions>();
        services.AddScoped<InvitationAcceptance>();
    }
}
