using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Web.Shared;

namespace Portal.Web.Features.Terms.Staff.Acceptances;

/// <summary>
/// The CSV export of acceptance records: RFC 4180 (commas, CRLF, quotes doubled), UTF-8 with a BOM so
/// Excel reads accents, and every cell a spreadsheet would run as a formula defused with a leading apostrophe.
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
            r.Id.ToString(CultureInfo.InvariantCulture), Timestamp(r.AcceptedAt), e.Client, e.ClientNumber, r.UserId, r.UserName, r.UserEmail,
            T[DisplayNames.Of(r.DocumentType)], r.VersionLabel, r.ContentSha256, T[r.Method.ToString()], r.IpAddress, r.UserAgent, r.Culture,
            r.PageUrl, r.CheckboxWording, r.ButtonWording, r.SignedDocumentFileName, r.SignedDocumentSha256, r.PreviousHash, r.Hash,
        ];
    }

    /// <summary>UTC to the millisecond, ISO 8601, as the evidence is recorded and hashed.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    /// <summary>One field: defused if a spreadsheet would read it as a formula, quoted if it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        // OWASP "CSV injection": = + - @ (and tab or CR) at the start make Excel or LibreOffice evaluate the cell.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>Writes the header and one line per record as they arrive from the database, flushing every 500 lines.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AcceptanceEvidence> records, IStringLocalizer T, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Header(T)));
        var lines = 0;
        await foreach (var record in records.WithCancellation(ct))
        {
            await writer.WriteAsync(Line(Cells(record, T)));
            if (++lines % 500 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }
}
