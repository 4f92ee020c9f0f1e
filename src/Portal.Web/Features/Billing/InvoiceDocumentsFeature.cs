namespace Portal.Web.Features.Billing;

public static class InvoiceDocumentsFeature
{
    public static void AddInvoiceDocuments(this IServiceCollection services)
    {
    }

    public static void MapInvoiceDocumentEndpoints(this WebApplication app)
    {
    }
}
