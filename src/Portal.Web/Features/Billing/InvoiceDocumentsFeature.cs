using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Web.Data;
using Portal.Web.Features.Billing.FacturX;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing;

public static class InvoiceDocumentsFeature
{
    public static void AddInvoiceDocuments(this IServiceCollection services) => services.AddScoped<InvoiceDocuments>();

    public static void MapInvoiceDocumentEndpoints(this WebApplication app)
    {
        // DOMAIN "Invoices and payment": a ClientAdmin downloads the PDF of each invoice, or all of them at once.
        // Both read through PortalData: another Client's number is a 404, like an unknown one.
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

/// <summary>The signed-in Client's invoices as PDF documents, read through the tenancy filter.</summary>
public sealed class InvoiceDocuments(PortalData data)
{
    public async Task<byte[]?> PdfAsync(string number, CancellationToken ct)
    {
        await using var db = await data.OpenAsync();
        var invoice = await Invoices(db).SingleOrDefaultAsync(i => i.Number == number, ct);
        return invoice is null ? null : FacturXInvoice.Pdf(await InvoiceFacts.LoadAsync(db, invoice, ct));
    }

    /// <summary>The invoice's Factur-X XML; null when this reader cannot see it or EN 16931 cannot express it.</summary>
    public async Task<byte[]?> XmlAsync(string number, CancellationToken ct)
    {
        await using var db = await data.OpenAsync();
        var invoice = await Invoices(db).SingleOrDefaultAsync(i => i.Number == number, ct);
        return invoice is null ? null : FacturXInvoice.Xml(await InvoiceFacts.LoadAsync(db, invoice, ct)).Xml;
    }

    /// <summary>Every invoice and credit note of the Client, one PDF each, as "invoices-{ClientNumber}.zip"; null without a Client.</summary>
    public async Task<(byte[] Bytes, string FileName)?> ZipAsync(CancellationToken ct)
    {
        await using var db = await data.OpenAsync();
        var clients = await db.Clients.AsNoTracking().Select(c => new { c.Id, c.Number }).ToListAsync(ct);
        if (clients.Count != 1) return null; // A ClientAdmin sees exactly their own Client.
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            await AddToZipAsync(db, zip, "", ct);
        return (output.ToArray(), $"invoices-{clients[0].Number}.zip");
    }

    /// <summary>Every invoice and credit note <paramref name="db"/> can read, one PDF each under <paramref name="folder"/>; also the data export's.</summary>
    public static async Task AddToZipAsync(PortalDb db, ZipArchive zip, string folder, CancellationToken ct)
    {
        var invoices = await Invoices(db).OrderBy(i => i.Sequence).ToListAsync(ct);
        foreach (var facts in await InvoiceFacts.LoadAsync(db, invoices, ct))
        {
            var invoice = facts.Invoice;
            var pdf = FacturXInvoice.Pdf(facts);
            var entry = zip.CreateEntry(folder + InvoicePdf.FileName(invoice), CompressionLevel.Fastest);
            entry.LastWriteTime = new DateTimeOffset(invoice.IssuedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await using var stream = entry.Open();
            await stream.WriteAsync(pdf, ct);
        }
    }

    private static IQueryable<Invoice> Invoices(PortalDb db) => db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.Id));
}
