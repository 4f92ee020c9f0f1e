using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using UglyToad.PdfPig;

namespace Portal.Integration.Tests.Billing;

/// <summary>
/// DOMAIN "Invoices and payment": the PDF invoice carries every mention French law asks for, in the invoice's
/// language; a ClientAdmin downloads only their own Client's invoices, one by one or all in a zip.
/// </summary>
[Collection(nameof(PortalCollection))]
public sealed class InvoiceDocumentTests(PortalFactory portal)
{
    private const string AcmeInvoice = "INV-000002";

    /// <summary>Each mandatory mention of a French invoice, by name, and the text it must show.</summary>
    private static readonly Dictionary<string, Func<Invoice, string>> FrenchMentions = new()
    {
        ["seller legal name"] = _ => "Nuagelis SAS",
        ["seller legal form"] = _ => "Société par actions simplifiée",
        ["seller share capital"] = _ => "au capital de 50 000 €",
        ["seller address"] = _ => "12 rue des Tanneurs 69002 Lyon",
        ["seller RCS"] = _ => "RCS Lyon 912 345 678",
        ["seller SIREN"] = _ => "SIREN 912345678",
        ["seller VAT number"] = _ => "N° TVA intracommunautaire FR74912345678",
        ["buyer legal name"] = i => i.BuyerLegalName,
        ["buyer address"] = i => i.BuyerAddress,
        ["buyer VAT number"] = _ => "N° TVA intracommunautaire FR32552100554",
        ["invoice number"] = _ => "Numéro de facture " + AcmeInvoice,
        ["issue date"] = i => "Date d'émission " + Fr(i.IssuedOn),
        ["service period"] = i => $"Période de service du {Fr(i.PeriodStart)} au {Fr(i.PeriodEnd)}",
        ["due date"] = i => "Date d'échéance " + Fr(i.DueOn),
        ["purchase order"] = _ => "Votre bon de commande PO-ACME-88412",
        ["line description"] = i => i.Lines[0].Description,
        ["line quantity, unit price, VAT rate and amount"] = i =>
            $"{i.Lines[0].Quantity:0} {FrEur(i.Lines[0].UnitPriceExclVat)} 20 % {FrEur(i.Lines[0].AmountExclVat)}",
        ["last line"] = i => $"{i.Lines[^1].Description} {i.Lines[^1].Quantity:0} {FrEur(i.Lines[^1].UnitPriceExclVat)} 20 % {FrEur(i.Lines[^1].AmountExclVat)}",
        ["column headers"] = _ => "Désignation Quantité Prix unitaire HT Taux de TVA Montant HT",
        ["total excl. VAT"] = i => "Total HT " + FrEur(i.TotalExclVat),
        ["VAT"] = i => "TVA 20 % " + FrEur(i.TotalVat),
        ["total incl. VAT"] = i => "Total TTC à payer " + FrEur(i.TotalInclVat),
        ["payment terms"] = _ => "Virement bancaire à l'ordre du vendeur — IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP",
        ["late-payment rate"] = _ => "pénalités de retard : 1 % par mois, calculées au jour le jour",
        ["40 EUR indemnity"] = _ => "indemnité forfaitaire pour frais de recouvrement : 40 €",
        ["no discount"] = _ => "Pas d'escompte pour paiement anticipé",
        ["page n of m"] = _ => "Page 1 sur 1",
    };

    /// <summary>Each mention specific to an English reverse-charge invoice (Globex, Germany).</summary>
    private static readonly Dictionary<string, Func<Invoice, string>> ReverseChargeMentions = new()
    {
        ["reverse-charge wording"] = _ => VatRule.Wordings[VatRule.ReverseChargeWordingKey],
        ["reverse-charge wording, French part"] = _ => "Autoliquidation",
        ["reverse-charge wording, English part"] = _ => "Reverse charge",
        ["buyer legal name"] = _ => "Globex GmbH",
        ["buyer VAT number"] = _ => "VAT number DE811234567",
        ["seller VAT number"] = _ => "VAT number FR74912345678",
        ["no VAT charged"] = i => "VAT 0% €0.00 Total incl. VAT due " + EnEur(i.TotalExclVat),
        ["payment terms"] = _ => "SEPA direct debit",
        ["due date"] = i => "Due date " + i.DueOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        ["late-payment rate"] = _ => "1 % per month, counted per day",
        ["40 EUR indemnity"] = _ => "Fixed indemnity for collection costs: €40",
        ["no discount"] = _ => "No discount for early payment",
        ["page n of m"] = _ => "Page 1 of 1",
        ["no purchase order"] = _ => "",
    };

    public static TheoryData<string> FrenchMentionNames => [.. FrenchMentions.Keys];

    public static TheoryData<string> ReverseChargeMentionNames => [.. ReverseChargeMentions.Keys];

    [Theory]
    [MemberData(nameof(FrenchMentionNames))]
    public async Task A_French_invoice_carries_the_mandatory_mention(string mention)
    {
        var invoice = await InvoiceAsync(AcmeInvoice);
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var text = PdfText(await acme.GetByteArrayAsync($"/invoices/{AcmeInvoice}/pdf"));

        AssertMention(mention, FrenchMentions[mention](invoice), text);
    }

    [Theory]
    [MemberData(nameof(ReverseChargeMentionNames))]
    public async Task A_reverse_charge_invoice_carries_the_mandatory_mention(string mention)
    {
        var invoice = await GlobexInvoiceAsync();
        var globex = await PortalFactory.SignedInAsync(portal, "admin@globex.test");

        var text = PdfText(await globex.GetByteArrayAsync($"/invoices/{invoice.Number}/pdf"));

        if (mention == "no purchase order") Assert.DoesNotContain("purchase order", text, StringComparison.OrdinalIgnoreCase);
        else AssertMention(mention, ReverseChargeMentions[mention](invoice), text);
    }

    [Fact]
    public async Task The_footer_carries_the_invoice_number_and_page_n_of_m()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        using var document = PdfDocument.Open(await acme.GetByteArrayAsync($"/invoices/{AcmeInvoice}/pdf"));

        var footer = Footer(document.GetPage(1));
        Assert.Contains(AcmeInvoice, footer);
        Assert.Contains("Page1sur1", footer);
    }

    [Fact]
    public async Task The_PDF_is_an_attachment_named_after_the_invoice()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var response = await acme.GetAsync($"/invoices/{AcmeInvoice}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{AcmeInvoice}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..5]));
    }

    [Fact]
    public async Task A_long_invoice_runs_over_several_pages_each_with_the_number_the_table_header_and_page_n_of_m()
    {
        var provider = await ProviderAsync();
        var invoice = new Invoice
        {
            Number = "INV-009999", Sequence = 9999, IssuedOn = new(2026, 1, 1), DueOn = new(2026, 1, 31),
            PeriodStart = new(2026, 1, 1), PeriodEnd = new(2026, 12, 31), Culture = "en",
            BuyerLegalName = "Long Lines Ltd", BuyerAddress = "1 Long Street\nLondon\nGB", VatTreatment = VatTreatment.OutsideEu,
            Lines = [.. Enumerable.Range(1, 100).Select(n => new InvoiceLine
                { Description = $"Consulting day {n}", Quantity = 1, UnitPriceExclVat = 1000m + n, VatRate = 0 })],
        };

        using var document = PdfDocument.Open(InvoicePdf.Render(invoice, provider, PaymentMethod.BankTransfer));
        var pages = document.GetPages().ToList();

        Assert.True(pages.Count > 1, $"100 lines should need more than one page, got {pages.Count}");
        foreach (var page in pages)
        {
            var text = Squeeze(page.Text);
            var footer = Footer(page);
            Assert.True(footer.Contains("INV-009999", StringComparison.Ordinal), $"page {page.Number}'s footer lacks the invoice number: {footer}");
            Assert.True(footer.Contains(Squeeze($"Page {page.Number} of {pages.Count}"), StringComparison.Ordinal), $"page {page.Number}'s footer lacks \"Page {page.Number} of {pages.Count}\": {footer}");
            if (text.Contains("Consultingday", StringComparison.Ordinal))
                Assert.True(text.Contains(Squeeze("Description Quantity"), StringComparison.Ordinal), $"page {page.Number} lacks the table header");
        }
        var all = Squeeze(string.Join("", pages.Select(p => p.Text)));
        Assert.Contains(Squeeze("Consulting day 100"), all);
        Assert.Contains(Squeeze(VatRule.Wordings[VatRule.OutsideEuWordingKey]), all);
    }

    [Fact]
    public async Task A_missing_or_broken_logo_never_stops_the_invoice()
    {
        var provider = await ProviderAsync();
        var invoice = await InvoiceAsync(AcmeInvoice);

        var pdf = InvoicePdf.Render(invoice, provider, PaymentMethod.BankTransfer, logo: [1, 2, 3]);

        Assert.Contains(AcmeInvoice, PdfText(pdf));
    }

    [Fact]
    public async Task Another_Clients_invoice_is_a_404()
    {
        var globexNumber = (await GlobexInvoiceAsync()).Number;
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var response = await acme.GetAsync($"/invoices/{globexNumber}/pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Globex", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync("/invoices/INV-999999/pdf")).StatusCode);
    }

    [Theory]
    [InlineData("/invoices/INV-000002/pdf")]
    [InlineData("/invoices/all.zip")]
    public async Task Other_roles_do_not_get_the_documents(string url)
    {
        var user = await PortalFactory.SignedInAsync(portal, "user@acme.test");
        var anonymous = portal.Browser();

        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync(url)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_zip_holds_one_PDF_per_Acme_invoice_and_nothing_of_Globex()
    {
        await using var db = portal.OpenAs(Actor.System);
        var acmeId = await db.Clients.Where(c => c.Number == "C-0001").Select(c => c.Id).SingleAsync();
        var expected = await db.Invoices.Where(i => i.ClientId == acmeId).OrderBy(i => i.Sequence).Select(i => i.Number).ToListAsync();
        var globexNumbers = await db.Invoices.Where(i => i.ClientId != acmeId).Select(i => i.Number).ToListAsync();
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var response = await acme.GetAsync("/invoices/all.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invoices-C-0001.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(expected.Select(n => n + ".pdf"), zip.Entries.Select(e => e.FullName).Order());
        foreach (var entry in zip.Entries)
        {
            using var bytes = new MemoryStream();
            await using (var stream = entry.Open()) await stream.CopyToAsync(bytes);
            var text = PdfText(bytes.ToArray());
            Assert.Contains(Path.GetFileNameWithoutExtension(entry.Name), text);
            Assert.DoesNotContain("Globex", text);
            Assert.All(globexNumbers, n => Assert.DoesNotContain(n, text));
        }
    }

    [Fact]
    public async Task The_zip_route_is_not_taken_for_an_invoice_number_and_the_invoice_page_still_opens()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var zip = await acme.GetAsync("/invoices/all.zip");
        var page = await acme.GetAsync($"/invoices/{AcmeInvoice}");

        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK", Encoding.ASCII.GetString((await zip.Content.ReadAsByteArrayAsync())[..2]));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"/invoices/{AcmeInvoice}/pdf", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_invoices_page_links_each_PDF_and_the_zip()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");

        var html = await acme.GetStringAsync("/invoices");

        Assert.Contains("href=\"/invoices/all.zip\"", html);
        Assert.Contains($"href=\"/invoices/{AcmeInvoice}/pdf\"", html);
        Assert.Contains($"aria-label=\"Download {AcmeInvoice} as PDF\"", html);
    }

    private static void AssertMention(string mention, string expected, string text) =>
        Assert.True(Squeeze(text).Contains(Squeeze(expected), StringComparison.OrdinalIgnoreCase),
            $"The PDF lacks the mention \"{mention}\": expected \"{expected}\".");

    /// <summary>Without any white space: PdfPig joins wrapped lines without one, and amounts use no-break spaces.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The words in the bottom 70 points of a page (PDF coordinates start at the bottom), without spaces.</summary>
    private static string Footer(UglyToad.PdfPig.Content.Page page) =>
        string.Concat(page.GetWords().Where(w => w.BoundingBox.Bottom < 70).Select(w => w.Text));

    private static string Fr(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));

    private static string FrEur(decimal amount) => new InvoiceFormat(CultureInfo.GetCultureInfo("fr-FR")).Eur(amount);

    private static string EnEur(decimal amount) => new InvoiceFormat(CultureInfo.GetCultureInfo("en-GB")).Eur(amount);

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    private async Task<Invoice> InvoiceAsync(string number)
    {
        await PortalFactory.SignedInAsync(portal, "admin@acme.test"); // the portal is up and seeded
        await using var db = portal.OpenAs(Actor.System);
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Number == number);
    }

    private async Task<Invoice> GlobexInvoiceAsync()
    {
        await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        await using var db = portal.OpenAs(Actor.System);
        var globexId = await db.Clients.Where(c => c.Number == "C-0002").Select(c => c.Id).SingleAsync();
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.ClientId == globexId).OrderBy(i => i.Sequence).FirstAsync();
    }

    private async Task<ProviderProfile> ProviderAsync()
    {
        await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        await using var db = portal.OpenAs(Actor.System);
        return await db.ProviderProfiles.AsNoTracking().SingleAsync();
    }
}
