using System.Globalization;
using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

public class MoneyTests
{
    [Theory]
    [InlineData("2.345", "2.35")] // half away from zero, not to even (banker's rounding would give 2.34)
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("2.3449", "2.34")]
    [InlineData("2.355", "2.36")]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("1234.5", "1234.50")]
    public void Round_to_the_cent_half_away_from_zero(string amount, string expected)
    {
        var rounded = Money.Round(decimal.Parse(amount, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), rounded);
    }

    [Theory]
    [InlineData("0.833333", "0.8333")]
    [InlineData("0.83335", "0.8334")]
    [InlineData("103.2258", "103.2258")]
    public void A_unit_price_derived_from_a_line_amount_keeps_4_decimals(string unitPrice, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Money.RoundUnitPrice(decimal.Parse(unitPrice, CultureInfo.InvariantCulture)));
    }
}
