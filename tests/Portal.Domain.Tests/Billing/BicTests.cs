using Portal.Domain.Billing;

namespace Portal.Domain.Tests.Billing;

/// <summary>SEO §11.1.2: the BIC of a SEPA mandate, 8 or 11 characters.</summary>
public class BicTests
{
    [Theory]
    [InlineData("BNPAFRPP", "BNPAFRPP")]
    [InlineData("BNPAFRPPXXX", "BNPAFRPPXXX")]
    [InlineData("DEUTDEFF500", "DEUTDEFF500")]
    [InlineData("bnpa fr pp", "BNPAFRPP")] // spaces and small letters cleaned up
    [InlineData("AGRIFRPP882", "AGRIFRPP882")]
    public void A_valid_BIC_passes(string typed, string value)
    {
        Assert.Equal(new BankCodeCheck(value, null), Bic.Check(typed));
    }

    [Theory]
    [InlineData("BNPAFRP", "A BIC has 8 or 11 characters; this one has 7.")]
    [InlineData("BNPAFRPP12", "A BIC has 8 or 11 characters; this one has 10.")]
    [InlineData("BNPAFRPPXXXX", "A BIC has 8 or 11 characters; this one has 12.")]
    [InlineData("BNP1FRPP", "A BIC is 4 letters for the bank, 2 for the country, 2 letters or digits for the place, and optionally 3 for the branch: check for a typo.")]
    [InlineData("BNPAF1PP", "A BIC is 4 letters for the bank, 2 for the country, 2 letters or digits for the place, and optionally 3 for the branch: check for a typo.")]
    [InlineData("BNPAFRP-", "A BIC is 4 letters for the bank, 2 for the country, 2 letters or digits for the place, and optionally 3 for the branch: check for a typo.")]
    [InlineData("", "Enter the BIC.")]
    [InlineData(null, "Enter the BIC.")]
    public void An_invalid_BIC_says_what_to_fix(string? typed, string problem)
    {
        var check = Bic.Check(typed);

        Assert.False(check.IsValid);
        Assert.Equal(problem, check.Problem);
    }
}
