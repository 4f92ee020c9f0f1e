namespace Portal.Web.Features.Terms;

public static class TermsFeature
{
    public static void AddTermsFeature(this IServiceCollection services)
    {
    }
}
