using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §11.1.2: the IBAN of a SEPA mandate, checked with a message that says what to fix.</summary>
public class IbanTests
{
    [Theory]
    [InlineData("FR7630006000011234567890189")]
    [InlineData("DE89370400440532013000")]
    [InlineData("BE68539007547034")]
    [InlineData("ES9121000418450200051332")]
    [InlineData("IT60X0542811101000000123456")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("LU280019400644750000")]
    [InlineData("CH9300762011623852957")]
    [InlineData("AT611904300234573201")]
    [InlineData("PT50000201231234567890154")]
    [InlineData("IE29AIBK93115212345678")]
    [InlineData("GB29NWBK60161331926819")]
    [InlineData("MC5811222000010123456789030")]
    public void A_valid_SEPA_IBAN_passes(string iban)
    {
        Assert.Equal(new BankCodeCheck(iban, null), Iban.Check(iban));
    }

    [Theory]
    [InlineData("fr76 3000 6000 0112 3456 7890 189")]
    [InlineData(" FR76 3000 6000 0112 3456 7890 189 ")]
    [InlineData("FR7630006000011234567890189\t")]
    public void Spaces_and_small_letters_are_cleaned_up_to_FR7630006000011234567890189(string typed)
    {
        var check = Iban.Check(typed);

        Assert.True(check.IsValid);
        Assert.Equal("FR7630006000011234567890189", check.Value);
    }

    [Theory]
    [InlineData("FR7630006000011234567890188", "The IBAN's check digits do not match: check for a typo.")] // last digit wrong
    [InlineData("FR7630006000011234567809189", "The IBAN's check digits do not match: check for a typo.")] // two digits swapped
    [InlineData("FRXX30006000011234567890189", "The IBAN's check digits do not match: check for a typo.")]
    [InlineData("FR763000600001123456789018", "A French IBAN has 27 characters; this one has 26.")]
    [InlineData("DE8937040044053201300", "A German IBAN has 22 characters; this one has 21.")]
    [InlineData("AT6119043002345732011", "An Austrian IBAN has 20 characters; this one has 21.")]
    [InlineData("IE29AIBK9311521234567", "An Irish IBAN has 22 characters; this one has 21.")]
    [InlineData("US64SVBKUS6S3300958879", "US is not a SEPA country: a direct debit needs an account in the SEPA area.")]
    [InlineData("7630006000011234567890189", "An IBAN starts with its country's two letters, such as FR.")]
    [InlineData("FR76-3000-6000-0112-3456-7890-189", "An IBAN has only letters and digits: remove any other character.")]
    [InlineData("", "Enter the IBAN.")]
    [InlineData("   ", "Enter the IBAN.")]
    [InlineData(null, "Enter the IBAN.")]
    public void An_invalid_IBAN_says_what_to_fix(string? typed, string problem)
    {
        var check = Iban.Check(typed);

        Assert.False(check.IsValid);
        Assert.Equal(problem, check.Problem);
    }

    [Theory]
    [InlineData("FR7630006000011234567890189", "FR76 •••• •••• •••• •••• •••0 189")]
    [InlineData("fr76 3000 6000 0112 3456 7890 189", "FR76 •••• •••• •••• •••• •••0 189")]
    [InlineData("DE89370400440532013000", "DE89 •••• •••• •••• ••30 00")]
    [InlineData("BE68539007547034", "BE68 •••• •••• 7034")]
    public void Mask_shows_the_country_the_check_digits_and_the_last_four_characters(string iban, string masked)
    {
        Assert.Equal(masked, Iban.Mask(iban));
    }
}
