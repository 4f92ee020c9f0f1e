using System.Text;
using Portal.Web.Shared.Csv;

namespace Portal.Integration.Tests.Shared.Csv;

/// <summary>The one CSV format of the portal's exports (acceptances, audit, data export), as a spreadsheet opens it.</summary>
public sealed class CsvSheetTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Dupont, Jean", "\"Dupont, Jean\"")]
    [InlineData("say \"yes\"", "\"say \"\"yes\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData(" padded ", " padded ")]
    [InlineData(null, "")]
    public void A_cell_is_quoted_per_RFC_4180_and_defused_when_a_spreadsheet_would_run_it(string? value, string expected)
    {
        Assert.Equal(expected + ",x\r\n", Text(CsvSheet.ToArray([value, "x"], [])));
    }

    [Fact]
    public void A_line_joins_cells_with_commas_and_ends_with_CRLF()
    {
        Assert.Equal("h1,h2,h3\r\n1,\"a,b\",\r\n", Text(CsvSheet.ToArray(["h1", "h2", "h3"], [["1", "a,b", null]])));
    }

    [Fact]
    public void The_file_is_UTF_8_with_a_BOM_so_Excel_reads_accents()
    {
        var bytes = CsvSheet.ToArray(["Société"], []);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Société\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Rows_written_to_a_stream_arrive_in_order_and_the_stream_stays_open()
    {
        using var output = new MemoryStream();
        await using (var sheet = CsvSheet.Open(output))
            for (var i = 0; i < 1200; i++) await sheet.RowAsync([i.ToString(), "x"]);

        Assert.True(output.CanWrite);
        var lines = Text(output.ToArray()).Split("\r\n");
        Assert.Equal(1201, lines.Length);
        Assert.Equal("1199,x", lines[1199]);
    }

    [Fact]
    public void Timestamps_are_UTC_ISO_8601_to_the_millisecond()
    {
        var at = new DateTimeOffset(2026, 1, 31, 23, 59, 58, 7, TimeSpan.FromHours(2));

        Assert.Equal("2026-01-31T21:59:58.007Z", CsvSheet.Timestamp(at));
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes[Encoding.UTF8.GetPreamble().Length..]);
}
