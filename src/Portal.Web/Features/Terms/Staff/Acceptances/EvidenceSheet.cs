using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Terms;
using Portal.Web.Shared.Csv;
using Portal.Web.Shared;
using Portal.Web.Shared.Pdf;

namespace Portal.Web.Features.Terms.Staff.Acceptances;

/// <summary>
/// One acceptance record as a PDF: Support's evidence sheet, and the acceptance certificate a ClientAdmin
/// downloads. It shows every field the record's hash covers, and whether that hash still matches.
/// </summary>
public static class EvidenceSheet
{
    public static string FileName(long id) => $"acceptance-{id}.pdf";

    public static byte[] Render(AcceptanceEvidence evidence, string provider, DateTimeOffset generatedAt, IStringLocalizer T)
    {
        var r = evidence.Record;
        using var sheet = new PdfSheet(provider, T["Acceptance evidence"], T["Page {0} of {1}"]);
        sheet.Paragraph(T["Record #{0} of the acceptance chain, kept by {1}.", r.Id, provider], muted: true)
            .Heading(T["Accepted by"])
            .Field(T["Client"], $"{evidence.Client} ({evidence.ClientNumber})")
            .Field(T["User name"], r.UserName)
            .Field(T["User e-mail"], r.UserEmail)
            .Field(T["User id"], r.UserId)
            .Heading(T["Document"])
            .Field(T["Document"], T[DisplayNames.Of(r.DocumentType)])
            .Field(T["Version"], r.VersionLabel)
            .Hash(T["Content SHA-256"], r.ContentSha256)
            .Heading(T["How and when"])
            .Field(T["Method"], T[r.Method.ToString()])
            .Field(T["Accepted at (UTC)"], CsvSheet.Timestamp(r.AcceptedAt))
            .Field(T["IP address"], r.IpAddress)
            .Field(T["User agent"], r.UserAgent)
            .Field(T["Culture"], r.Culture)
            .Field(T["Page address"], r.PageUrl)
            .Field(T["Checkbox wording"], r.CheckboxWording)
            .Field(T["Button wording"], r.ButtonWording);
        if (r.Method == AcceptanceMethod.OrderFormSigned)
            sheet.Field(T["Signed document"], r.SignedDocumentFileName).Hash(T["Signed document SHA-256"], r.SignedDocumentSha256);
        sheet.Heading(T["Integrity"])
            .Field(T["Record"], "#" + r.Id.ToString(CultureInfo.InvariantCulture))
            .Hash(T["Previous hash"], r.PreviousHash)
            .Hash(T["Hash"], r.Hash)
            .Verdict(evidence.HashHolds
                ? T["The record's content matches its hash: it has not been changed since it was recorded."]
                : T["The record's content no longer matches its hash: it was changed after it was recorded."], evidence.HashHolds)
            .Paragraph(T["The hash is the SHA-256 of every field above and of the previous record's hash, so changing or removing any earlier record breaks the chain. Provider support can verify the whole chain on request."], muted: true)
            .Paragraph(T["Produced on {0} (UTC).", generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)], muted: true);
        return sheet.ToArray();
    }
}
