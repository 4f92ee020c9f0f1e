using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Web.Shared;
using Portal.Web.Shared.Csv;

namespace Portal.Web.Features.Terms.Staff.Acceptances;

/// <summary>
/// The CSV export of acceptance records, in the portal's one CSV format (<see cref="CsvSheet"/>).
/// </summary>
public static class AcceptanceCsv
{
    /// <summary>The columns, in the reader's language, in the order of <see cref="Cells"/>.</summary>
    public static IReadOnlyList<string> Header(IStringLocalizer T) =>
    [
        T["Record"], T["Accepted at (UTC)"], T["Client"], T["Client number"], T["User id"], T["User name"], T["User e-mail"],
        T["Document"], T["Version"], T["Content SHA-256"], T["Method"], T["IP address"], T["User agent"], T["Culture"],
        T["Page address"], T["Checkbox wording"], T["Button wording"], T["Signed document"], T["Signed document SHA-256"],
        T["Previous hash"], T["Hash"],
    ];

    public static IReadOnlyList<string?> Cells(AcceptanceEvidence e, IStringLocalizer T)
    {
        var r = e.Record;
        return
        [
            r.Id.ToString(CultureInfo.InvariantCulture), CsvSheet.Timestamp(r.AcceptedAt), e.Client, e.ClientNumber, r.UserId, r.UserName, r.UserEmail,
            T[DisplayNames.Of(r.DocumentType)], r.VersionLabel, r.ContentSha256, T[r.Method.ToString()], r.IpAddress, r.UserAgent, r.Culture,
            r.PageUrl, r.CheckboxWording, r.ButtonWording, r.SignedDocumentFileName, r.SignedDocumentSha256, r.PreviousHash, r.Hash,
        ];
    }

    /// <summary>Writes the header and one line per record as they arrive from the database.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AcceptanceEvidence> records, IStringLocalizer T, CancellationToken ct)
    {
        await using var sheet = CsvSheet.Open(output);
        await sheet.RowAsync(Header(T));
        await foreach (var record in records.WithCancellation(ct)) await sheet.RowAsync(Cells(record, T));
    }
}
