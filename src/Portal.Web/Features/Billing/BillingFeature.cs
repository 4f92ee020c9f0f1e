using Portal.Web.Features.Billing.FacturX;
using Portal.Domain.People;
using Portal.Web.Features.Billing.Staff;
using Portal.Web.Shared.Jobs;

namespace Portal.Web.Features.Billing;

public static class BillingFeature
{
    /// <summary>The subscription and its SEPA mandate, the Client's invoices and billing contacts, their PDFs, the staff's
    /// receivables and price revisions, and the hourly invoice issuance.</summary>
    public static void AddBillingFeature(this IServiceCollection services)
    {
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<Receivables>();
        services.AddScoped<PriceRevisions>();
        services.AddScoped<BillingContacts>();
        services.AddSingleton<InvoiceIssuer>();
        services.AddPortalJob<InvoiceIssuanceJob>();
        services.AddScoped<InvoiceDocuments>();
        services.AddScoped<SubscriptionOverviewService>();
        services.AddScoped<SepaMandateService>();
    }

    public static void MapBillingEndpoints(this WebApplication app)
    {
        // DOMAIN "Invoices and payment": a ClientAdmin downloads the PDF of each invoice, or all of them at once.
        // Both read through PersonDatabase: another Client's number is a 404, like an unknown one.
        // "all.zip" is a literal segment, so it wins over the page /invoices/{Number}; the PDF route has two segments.
        app.MapGet("/invoices/all.zip", async (InvoiceDocuments documents, CancellationToken ct) =>
                await documents.ZipAsync(ct) is { } zip
                    ? Results.File(zip.Bytes, "application/zip", zip.FileName)
                    : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Role.ClientAdmin));

        // Provider staff read every Client's invoices (the tenancy filter lets them), so they download them here too.
        app.MapGet("/invoices/{number}/pdf", async (string number, InvoiceDocuments documents, CancellationToken ct) =>
                await documents.PdfAsync(number, ct) is { } pdf
                    ? Results.File(pdf, "application/pdf", InvoicePdf.FileName(number))
                    : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Role.ClientAdmin, Role.AccountManager, Role.Support, Role.ProviderAdmin));

        // DOMAIN "E-invoicing": the Factur-X XML alone, for the buyer's accounting software and for the Provider's certified
        // platform (PA). Same readers and the same tenancy as the PDF; an invoice EN 16931 cannot express has none (404).
        app.MapGet("/invoices/{number}/xml", async (string number, InvoiceDocuments documents, CancellationToken ct) =>
                await documents.XmlAsync(number, ct) is { } xml
                    ? Results.File(xml, "text/xml", FacturXInvoice.XmlFileName(number))
                    : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Role.ClientAdmin, Role.AccountManager, Role.Support, Role.ProviderAdmin));
    }
}
