using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Web.Data;

namespace Portal.Web.Features.Billing;

/// <summary>The signed-in Client's invoices as PDF documents, read through the tenancy filter.</summary>
public sealed class InvoiceDocuments(PersonDatabase data)
{
    public async Task<byte[]?> PdfAsync(string number, CancellationToken ct)
    {
        await using var db = await data.OpenAsync();
        var invoice = await Invoices(db).SingleOrDefaultAsync(i => i.Number == number, ct);
        if (invoice is null) return null;
        var provider = await db.ProviderProfiles.AsNoTracking().FirstAsync(ct);
        var forms = await OrderFormsAsync(db, ct);
        return InvoicePdf.Render(invoice, provider, MethodOf(forms, invoice), await CorrectedNumberAsync(db, invoice, ct));
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
        var provider = await db.ProviderProfiles.AsNoTracking().FirstAsync(ct);
        var forms = await OrderFormsAsync(db, ct);
        var numbers = invoices.ToDictionary(i => i.Id, i => i.Number);
        foreach (var invoice in invoices)
        {
            var pdf = InvoicePdf.Render(invoice, provider, MethodOf(forms, invoice),
                invoice.CorrectsInvoiceId is { } id ? numbers.GetValueOrDefault(id) : null);
            var entry = zip.CreateEntry(folder + InvoicePdf.FileName(invoice), CompressionLevel.Fastest);
            entry.LastWriteTime = new DateTimeOffset(invoice.IssuedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await using var stream = entry.Open();
            await stream.WriteAsync(pdf, ct);
        }
    }

    private static IQueryable<Invoice> Invoices(PortalDb db) => db.Invoices.AsNoTracking().Include(i => i.Lines);

    /// <summary>The order forms the PDFs may need, loaded once for a whole archive.</summary>
    private static async Task<List<OrderForm>> OrderFormsAsync(PortalDb db, CancellationToken ct) =>
        await db.OrderForms.AsNoTracking().ToListAsync(ct);

    /// <summary>How an invoice is paid: the payment method of the order form in force on its issue date, as its e-mail said.</summary>
    private static PaymentMethod MethodOf(List<OrderForm> forms, Invoice invoice) =>
        forms.AsQueryable().CurrentOrderForm(invoice.ClientId, invoice.IssuedOn).Select(f => (PaymentMethod?)f.PaymentMethod).FirstOrDefault()
        ?? PaymentMethod.BankTransfer;

    private static async Task<string?> CorrectedNumberAsync(PortalDb db, Invoice invoice, CancellationToken ct) =>
        invoice.CorrectsInvoiceId is { } id
            ? await db.Invoices.Where(i => i.Id == id).Select(i => i.Number).FirstOrDefaultAsync(ct)
            : null;
}
