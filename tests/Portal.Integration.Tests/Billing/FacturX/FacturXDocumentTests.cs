using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Integration.Tests.Billing.FacturX;

/// <summary>
/// DOMAIN "E-invoicing": every demo invoice, as served, is a Factur-X EN 16931 file the official rules accept, its PDF
/// shows what its XML says, and the XML alone is served to the same readers as the PDF.
/// </summary>
[Collection(nameof(PortalCollection))]
public sealed class FacturXDocumentTests(PortalFactory portal)
{
    [Fact]
    public async Task Every_demo_invoice_is_a_Factur_X_file_that_the_official_rules_accept_and_its_PDF_shows_what_its_XML_says()
    {
        var staff = await PortalFactory.SignedInAsync(portal, "owner@provider.test");
        List<(string Number, string Culture)> invoices;
        await using (var db = portal.OpenAs(Actor.System))
            invoices = (await db.Invoices.OrderBy(i => i.Sequence).Select(i => new { i.Number, i.Culture }).ToListAsync())
                .Select(i => (i.Number, i.Culture)).ToList();
        Assert.NotEmpty(invoices);

        var files = new Dictionary<string, byte[]>();
        foreach (var (number, culture) in invoices)
        {
            var pdf = await staff.GetByteArrayAsync($"/invoices/{number}/pdf");
            files[$"{number}.pdf"] = pdf;
            FacturXXml.AssertPdfAgrees(pdf, culture);
        }
        // The XML alone, as the endpoint serves it, passes the same rules.
        files[$"{invoices[0].Number}.xml"] = await staff.GetByteArrayAsync($"/invoices/{invoices[0].Number}/xml");

        await FacturXChecker.AssertAllPassAsync(files);
    }

    [Fact]
    public async Task The_XML_alone_is_served_to_the_Client_that_owns_it_and_to_no_other()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        string globexNumber;
        await using (var db = portal.OpenAs(Actor.System))
        {
            var globexId = await db.Clients.Where(c => c.Number == "C-0002").Select(c => c.Id).SingleAsync();
            globexNumber = await db.Invoices.Where(i => i.ClientId == globexId).Select(i => i.Number).FirstAsync();
        }

        var own = await acme.GetAsync("/invoices/INV-000002/xml");
        var other = await acme.GetAsync($"/invoices/{globexNumber}/xml");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/xml", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("INV-000002-factur-x.xml", own.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var xml = new FacturXXml(System.Xml.Linq.XDocument.Parse(await own.Content.ReadAsStringAsync()));
        Assert.Equal("INV-000002", xml.Number);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Globex", await other.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await (await PortalFactory.SignedInAsync(portal, "user@acme.test")).GetAsync("/invoices/INV-000002/xml")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await portal.Browser().GetAsync("/invoices/INV-000002/xml")).StatusCode);
    }

    [Fact]
    public async Task The_invoice_page_offers_the_Factur_X_PDF_and_the_XML_and_the_staff_page_the_XML_for_the_platform()
    {
        var acme = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        var staff = await PortalFactory.SignedInAsync(portal, "owner@provider.test");

        var page = await acme.GetStringAsync("/invoices/INV-000002");
        var staffPage = await staff.GetStringAsync("/staff/invoices/INV-000002");

        Assert.Contains("href=\"/invoices/INV-000002/pdf\"", page);
        Assert.Contains("href=\"/invoices/INV-000002/xml\"", page);
        Assert.Contains("href=\"/invoices/INV-000002/xml\"", staffPage);
    }
}
