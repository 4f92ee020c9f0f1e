using System.Globalization;
using CsvHelper;

namespace Portal.Web.Shared.Csv;

/// <summary>
/// The portal's one CSV format, written by CsvHelper: RFC 4180 (commas, CRLF, quotes doubled, a field quoted only when it
/// holds a comma, quote or line break), UTF-8 with a BOM so Excel reads accents, and every cell a spreadsheet would run as
/// a formula defused with a leading apostrophe. Rows go out as they are read: nothing holds the whole export in memory.
/// </summary>
public sealed class CsvSheet : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// The format: CsvHelper's RFC 4180 defaults (quoted only when needed, CRLF) with a BOM. Defused by <see cref="Defuse"/>
    /// below rather than by CsvHelper's own injection escaping, which also quotes the cell: the cells stay as they always were.
    /// </summary>
    public static readonly CsvWriterOptions Format = new() { WriteByteOrderMark = true, Injection = CsvInjection.None };

    private const int FlushEvery = 500;
    private readonly CsvWriter csv;
    private int rows;

    private CsvSheet(Stream output) => csv = CsvWriter.Create(output, Format, leaveOpen: true);

    /// <summary>A sheet written to <paramref name="output"/>, which stays open when the sheet is disposed.</summary>
    public static CsvSheet Open(Stream output) => new(output);

    /// <summary>A whole small sheet in memory (a file in the data-export archive).</summary>
    public static byte[] ToArray(IEnumerable<string?> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var output = new MemoryStream();
        using (var sheet = Open(output))
        {
            sheet.Row(header);
            foreach (var row in rows) sheet.Row(row);
        }
        return output.ToArray();
    }

    /// <summary>One row; to an HTTP response, use <see cref="RowAsync"/> (Kestrel refuses synchronous writes).</summary>
    public void Row(IEnumerable<string?> cells)
    {
        foreach (var cell in cells) csv.WriteField(Defuse(cell));
        csv.EndRecord();
    }

    /// <summary>One row, flushed to the output every 500 rows so a long export starts arriving at once.</summary>
    public async Task RowAsync(IEnumerable<string?> cells)
    {
        foreach (var cell in cells) csv.WriteField(Defuse(cell));
        await csv.EndRecordAsync();
        if (++rows % FlushEvery == 0) await csv.FlushAsync();
    }

    /// <summary>UTC to the millisecond, ISO 8601, as the evidence and the audit are recorded (and hashed).</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cell as a spreadsheet may safely open it. OWASP "CSV injection": = + - @ (and tab or CR) at the start make Excel or
    /// LibreOffice evaluate the cell, so such a cell gets a leading apostrophe.
    /// </summary>
    public static string Defuse(string? value)
    {
        var text = value ?? "";
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    public void Dispose() => csv.Dispose();

    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
