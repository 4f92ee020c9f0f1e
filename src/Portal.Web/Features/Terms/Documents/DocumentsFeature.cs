namespace Portal.Web.Features.Terms.Documents;

public static class DocumentsFeature
{
    /// <summary>Publishing contract document versions (ProviderAdmin), their amendment notices and the comparison of versions.</summary>
    public static void AddDocumentsFeature(this IServiceCollection services) => services.AddScoped<DocumentPublishing>();
}
