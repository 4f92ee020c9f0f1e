using BenchmarkDotNet.Attributes;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Web.Features.Billing;

namespace Portal.Benchmarks;

/// <summary>
/// One invoice PDF, as the issuer renders it for each e-mail and the portal for each download: a 1-line invoice
/// (1 page) and a 100-line one (4 pages, "page n of m" on each).
/// Measured here (2 cores shared with other builds, load average 14–26; ShortRun in process; 2026-11-23), two runs:
/// 1 line 16–41 ms, 2.97 MB allocated; 100 lines 29–45 ms, 5.34 MB. The allocations are stable; the times are not
/// on a loaded machine: rerun on a quiet one before comparing.
/// After decoding the logo once per process and deflating at the fastest level (2026-11-30, load average 24):
/// 1 line 17.5 ms, 1.62 MB; 100 lines 5.8 ms median, 4.07 MB. What is left is PDFsharp's font subsetting and
/// deflate, per document. Under HTTP load (tests/Portal.Load downloads) a PDF download costs the server ~9 ms of CPU.
/// Since i17 the PDF is the Factur-X file (PDF/A-3b, tagged, with its EN 16931 XML). Back to back on 2026-12-04 (load
/// average 11 to 5): before 1 line 2.5 ms, 1.60 MB; 100 lines 3.2 ms, 3.99 MB. After: 1 line 2.4 ms, 2.20 MB; 100 lines
/// 10.5 ms, 9.48 MB, most of it the tagging for screen readers.
/// </summary>
[MemoryDiagnoser]
public class InvoicePdfBenchmarks
{
    [Params(1, 100)]
    public int Lines { get; set; }

    private Invoice invoice = null!;

    private static readonly ProviderProfile Provider = new()
    {
        LegalName = "Nuagelis SAS", LegalForm = "Société par actions simplifiée",
        Address = new PostalAddress("12 rue des Tanneurs", null, "69002", "Lyon", "FR"),
        RcsRegistration = "RCS Lyon 912 345 678", Siren = "912345678", VatNumber = "FR74912345678", ShareCapitalEur = 50_000m,
        Iban = "FR7630006000011234567890189", Bic = "AGRIFRPP", SupportEmail = "support@provider.test",
    };

    [GlobalSetup]
    public void Setup()
    {
        invoice = new Invoice
        {
            Sequence = 42, Number = InvoiceNumbering.Format(42), Kind = InvoiceKind.Invoice, Culture = "fr",
            IssuedOn = new DateOnly(2026, 7, 1), DueOn = new DateOnly(2026, 7, 31),
            PeriodStart = new DateOnly(2026, 7, 1), PeriodEnd = new DateOnly(2027, 6, 30),
            BuyerLegalName = "Acme Industries SA", BuyerAddress = "8 avenue de la Grande Armée\n75017 Paris\nFR",
            BuyerStreet = "8 avenue de la Grande Armée", BuyerPostalCode = "75017", BuyerCity = "Paris", BuyerCountry = "FR",
            BuyerRegistrationNumber = "RCS Paris 552 100 554",
            BuyerVatNumber = "FR32552100554", PurchaseOrderReference = "PO-ACME-88412", VatTreatment = VatTreatment.FrenchVat,
            Lines = [.. Enumerable.Range(1, Lines).Select(n => new InvoiceLine
            {
                Description = $"Named User seats, site {n} (annual)", Quantity = n % 7 + 1, UnitPriceExclVat = 240m, VatRate = 0.20m,
            })],
        };
        // Said once in the log, so the figures above can be read against the number of pages really drawn.
        using var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(InvoicePdf.Render(invoice, Provider, PaymentMethod.BankTransfer)),
            PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Console.WriteLine($"// InvoicePdfBenchmarks: {Lines} line(s) render {pdf.PageCount} page(s)");
    }

    [Benchmark(Description = "invoice PDF")]
    public int Render() => InvoicePdf.Render(invoice, Provider, PaymentMethod.BankTransfer).Length;
}
