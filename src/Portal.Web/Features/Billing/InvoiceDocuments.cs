using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Web.Data;
using Portal.Web.Features.Billing.FacturX;

namespace Portal.Web.Features.Billing;

/// <summary>The signed-in Client's invoices as PDF documents, read through the tenancy filter.</summary>
public sealed class InvoiceDocuments(PersonDatabase data)
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
