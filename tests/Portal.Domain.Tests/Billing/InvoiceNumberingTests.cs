using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>One continuous sequence without gaps, shared by invoices and credit notes.</summary>
public class InvoiceNumberingTests
{
    [Theory]
    [InlineData(1, "INV-000001")]
    [InlineData(42, "INV-000042")]
    [InlineData(999999, "INV-999999")]
    [InlineData(1234567, "INV-1234567")] // past a million the number grows a digit
    public void Number_from_the_sequence(long sequence, string number)
    {
        Assert.Equal(number, InvoiceNumbering.Format(sequence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_sequence_starts_at_1(long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvoiceNumbering.Format(sequence));
    }

    [Fact]
    public void The_first_number_is_1_and_after_41_comes_42_whether_41_was_an_invoice_or_a_credit_note()
    {
        Assert.Equal(1, InvoiceNumbering.Next(null));
        Assert.Equal(42, InvoiceNumbering.Next(41));
    }

    [Theory]
    [InlineData("INV-000042", true, 42)]
    [InlineData("INV-1234567", true, 1234567)]
    [InlineData("INV-000000", false, 0)]
    [InlineData("F-2025-0001", false, 0)]
    [InlineData("INV-12a", false, 0)]
    [InlineData("INV--42", false, 0)]
    [InlineData("", false, 0)]
    [InlineData(null, false, 0)]
    public void Reading_the_sequence_back_from_a_number(string? number, bool ok, long sequence)
    {
        Assert.Equal((ok, sequence), (InvoiceNumbering.TryParse(number, out var parsed), parsed));
    }

    [Fact]
    public void A_whole_sequence_1_to_5_has_no_gap()
    {
        Assert.Empty(InvoiceNumbering.Gaps([1, 2, 3, 4, 5]));
        Assert.Empty(InvoiceNumbering.Gaps([]));
    }

    [Fact]
    public void Numbers_2_3_5_8_miss_1_4_6_and_7()
    {
        Assert.Equal([1L, 4L, 6L, 7L], InvoiceNumbering.Gaps([8, 3, 2, 5]));
    }
}
