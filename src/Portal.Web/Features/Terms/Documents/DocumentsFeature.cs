namespace Portal.Web.Features.Terms.Documents;

public static class DocumentsFeature
{
    public static void AddDocumentsFeature(this IServiceCollection services)
    {
    }
}
