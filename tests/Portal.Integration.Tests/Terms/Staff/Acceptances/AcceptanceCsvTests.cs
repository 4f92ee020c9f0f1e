using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Integration.Tests.Terms.Staff.Acceptances;

public sealed class AcceptanceCsvTests
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
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData(null, "")]
    public void A_cell_is_quoted_per_RFC_4180_and_defused_when_a_spreadsheet_would_run_it(string? value, string expected)
    {
        Assert.Equal(expected, AcceptanceCsv.Cell(value));
    }

    [Fact]
    public void A_line_joins_cells_with_commas_and_ends_with_CRLF()
    {
        Assert.Equal("1,\"a,b\",\r\n", AcceptanceCsv.Line(["1", "a,b", null]));
    }

    [Fact]
    public void Timestamps_are_UTC_ISO_8601_to_the_millisecond()
    {
        var at = new DateTimeOffset(2026, 1, 31, 23, 59, 58, 7, TimeSpan.FromHours(2));

        Assert.Equal("2026-01-31T21:59:58.007Z", AcceptanceCsv.Timestamp(at));
    }

    [Theory]
    [InlineData("Admin@Acme", "admin@acme", "admin@acmf")]
    [InlineData(" a ", "a", "b")]
    public void An_e_mail_prefix_becomes_a_lower_case_range(string prefix, string low, string high)
    {
        Assert.Equal((low, high), AcceptanceReview.EmailRange(prefix));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void No_e_mail_prefix_is_no_range(string? prefix)
    {
        Assert.Null(AcceptanceReview.EmailRange(prefix));
    }
}
