using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Clients;
using Portal.Domain.Terms;
using Portal.Web.Data;
using Portal.Web.Features.Clients;
using Portal.Integration.Tests.Seats;

namespace Portal.Integration.Tests.Clients;

/// <summary>Issue 15 §5: a contract signed on paper, recorded with its PDF and OrderFormSigned records through the chain.</summary>
public sealed class PaperContractTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% signed on paper\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    [Fact]
    public async Task The_signed_PDF_is_kept_with_its_hash_and_each_document_in_force_gets_an_OrderFormSigned_record_naming_the_staff_member()
    {
        var result = await CreateAsync("Stark Industries", new SignedUpload("stark-signed.pdf", Pdf.Length, Pdf));

        Assert.Empty(result.Problems);
        await using var db = portal.System();
        var clientId = await db.Clients.Where(c => c.Number == result.Number).Select(c => c.Id).SingleAsync();
        var signed = await db.SignedOrderForms.SingleAsync(s => s.ClientId == clientId);
        Assert.Equal(SignedOrderForm.HashOf(Pdf), signed.Sha256);
        Assert.Equal(Pdf, signed.Content);
        var records = await db.AcceptanceRecords.Where(r => r.ClientId == clientId).ToListAsync();
        var inForce = ClientAcceptance.IncorporatedByOrderForm(await db.DocumentVersions.ToListAsync(), DateTimeOffset.UtcNow);
        Assert.NotEmpty(records);
        Assert.Equal(inForce.Select(v => v.Id).Order(), records.Select(r => r.DocumentVersionId).Order());
        Assert.All(records, r =>
        {
            Assert.Equal(AcceptanceMethod.OrderFormSigned, r.Method);
            Assert.Equal("owner@provider.test", r.UserEmail);
            Assert.Equal("Dominique Bernard", r.UserName);
            Assert.Equal(signed.Sha256, r.SignedDocumentSha256);
            Assert.Equal("stark-signed.pdf", r.SignedDocumentFileName);
            Assert.Null(r.CheckboxWording); // never a fake click
        });
        // The chain still verifies with the new records in it.
        var all = await db.AcceptanceRecords.OrderBy(r => r.Id).ToListAsync();
        var verifier = new ChainVerifier();
        foreach (var r in all) verifier.Add(r);
        Assert.False(verifier.IsBroken, $"{verifier.Fault} at {verifier.BrokenAt}");

        // Support downloads the attachment from the record; a Client's administrator cannot.
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        var download = await support.GetAsync($"/staff/acceptances/{records[0].Id}/signed-order-form");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var client = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/staff/acceptances/{records[0].Id}/signed-order-form")).StatusCode);
    }

    [Fact]
    public async Task A_record_without_an_attachment_has_nothing_to_download()
    {
        await using var db = portal.System();
        var clickwrap = await db.AcceptanceRecords.Where(r => r.SignedDocumentSha256 == null).Select(r => r.Id).FirstAsync();
        var support = await PortalFactory.SignedInAsync(portal, "support@provider.test");
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/staff/acceptances/{clickwrap}/signed-order-form")).StatusCode);
    }

    public static TheoryData<string, long, byte[], string> Refusals() => new()
    {
        { "scan.pdf", 12, Encoding.ASCII.GetBytes("PK\u0003\u0004word"), "The signed order form must be a PDF file." },
        { "scan.pdf", SignedOrderForm.MaxBytes + 1, [], "The signed order form is larger than 10 MB: scan it at a lower resolution." },
        { "scan.pdf", 0, [], "The signed order form is empty: attach the scanned PDF." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_attachment_says_why_and_saves_nothing(string name, long length, byte[] content, string message)
    {
        int Count(PortalDb db) => db.Clients.IgnoreQueryFilters().Count() + db.SignedOrderForms.IgnoreQueryFilters().Count() + db.AcceptanceRecords.IgnoreQueryFilters().Count();
        int before;
        await using (var db = portal.System()) before = Count(db);

        var result = await CreateAsync("Oscorp", new SignedUpload(name, length, content));

        Assert.Null(result.Number);
        Assert.Contains(result.Problems, p => p.Field == ClientDirectory.SignedOrderFormField && p.Message == message);
        await using var after = portal.System();
        Assert.Equal(before, Count(after));
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_on_the_server_even_when_its_bytes_were_all_read()
    {
        var big = new byte[SignedOrderForm.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        var result = await CreateAsync("Massive Dynamic", new SignedUpload("big.pdf", big.Length, big));
        Assert.Contains(result.Problems, p => p.Message == "The signed order form is larger than 10 MB: scan it at a lower resolution.");
    }

    private async Task<CreateClientResult> CreateAsync(string name, SignedUpload upload)
    {
        await using var scope = await portal.ScopeAsAsync("owner@provider.test");
        return await scope.ServiceProvider.GetRequiredService<ClientDirectory>().CreateAsync(new Client
        {
            Number = "", LegalName = name, Country = "FR", Address = new PostalAddress("5 avenue Foch", null, "75016", "Paris", "FR"),
        }, new OrderForm
        {
            Reference = "OF-PAPER-1", SignedOn = new DateOnly(2026, 11, 2), EffectiveDate = new DateOnly(2026, 12, 1), SeatCap = 3,
            Lines = [new OrderLine { Description = "Portal subscription", Quantity = 1, UnitPriceExclVat = 3000 }],
        }, null, upload);
    }
}
