using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using UglyToad.PdfPig;

namespace Portal.Integration.Tests.Terms;

[Collection(nameof(PortalCollection))]
public sealed class DocumentPdfTests(PortalFactory portal)
{
    [Fact]
    public async Task Any_Client_person_downloads_a_document_version_as_a_PDF_with_its_text_and_hash()
    {
        var user = await PortalFactory.SignedInAsync(portal, "user@acme.test");
        var version = await VersionAsync("2025_09");

        var response = await user.GetAsync($"/terms/{version.Id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Term and renewal", text);
        Assert.Contains(version.ContentSha256, text.Replace(" ", ""));
    }

    [Fact]
    public async Task Signed_out_visitors_get_no_document_PDF()
    {
        var version = await VersionAsync("2025_09");

        var response = await portal.Browser().GetAsync($"/terms/{version.Id}/pdf");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Portal.Domain.Terms.DocumentVersion> VersionAsync(string label)
    {
        await using var db = portal.OpenAs(Actor.System);
        return await db.DocumentVersions.FirstAsync(v => v.Label == label && v.Type == Portal.Domain.Terms.DocumentType.GeneralTermsAndConditions);
    }
}
