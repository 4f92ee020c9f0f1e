using System.Globalization;
using Portal.Components.Tests.Infrastructure;
using Portal.Web.Shared;

namespace Portal.Components.Tests.Shared;

public class CultureTests
{
    // .NET on Linux takes its culture data from ICU (CLDR): French groups thousands with U+202F NARROW
    // NO-BREAK SPACE, written as an escape below so the expected strings are unambiguous. .NET's
    // currency pattern puts a plain space before "€"; Culture.Eur makes it a U+00A0 NO-BREAK SPACE so
    // a line never wraps between an amount and its currency.
    private const char NarrowNoBreakSpace = '\u202F';

    [Theory]
    [InlineData("en", "1234.5", "€1,234.50")]
    [InlineData("en", "0", "€0.00")]
    [InlineData("en", "1234567.891", "€1,234,567.89")]
    [InlineData("fr", "1234.5", "1\u202F234,50\u00A0€")]
    [InlineData("fr", "0", "0,00\u00A0€")]
    [InlineData("fr", "1234567.891", "1\u202F234\u202F567,89\u00A0€")]
    public void Eur_writes_an_amount_as_the_readers_culture_does(string culture, string amount, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, Culture.Eur(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Eur_in_French_separates_thousands_with_a_narrow_no_break_space_and_keeps_the_symbol_on_the_same_line()
    {
        using var _ = new CultureScope("fr");

        Assert.Equal($"1{NarrowNoBreakSpace}234,50\u00A0€", Culture.Eur(1234.5m));
    }

    [Theory]
    [InlineData("en", "-€1,234.50")]
    [InlineData("fr", "-1\u202F234,50\u00A0€")]
    public void Eur_of_a_credit_of_minus_1234_50(string culture, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, Culture.Eur(-1234.5m));
    }

    [Theory]
    [InlineData("en", 2026, 1, 31, "31 January 2026")]
    [InlineData("fr", 2026, 1, 31, "31 janvier 2026")]
    [InlineData("en", 2024, 2, 29, "29 February 2024")]
    [InlineData("fr", 2024, 2, 29, "29 février 2024")]
    [InlineData("en", 2026, 3, 1, "1 March 2026")]
    [InlineData("fr", 2026, 3, 1, "1 mars 2026")]
    public void Date_is_written_in_full_in_the_readers_culture(string culture, int year, int month, int day, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, Culture.Date(new DateOnly(year, month, day)));
    }

    [Fact]
    public void The_culture_scope_restores_the_previous_culture()
    {
        var before = CultureInfo.CurrentCulture;
        using (new CultureScope(before.Name == "fr" ? "en" : "fr"))
            Assert.NotEqual(before, CultureInfo.CurrentCulture);

        Assert.Equal(before, CultureInfo.CurrentCulture);
    }
}
