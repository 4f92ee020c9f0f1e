namespace Portal.Web.Features.Staff.Acceptances;

public static class AcceptanceReviewFeature
{
    public static void AddAcceptanceReviewFeature(this IServiceCollection services)
    {
    }

    public static void MapAcceptanceReviewEndpoints(this WebApplication app)
    {
    }
}
