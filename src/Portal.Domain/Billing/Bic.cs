using System.Text.RegularExpressions;

namespace Portal.Domain.Billing;

/// <summary>SEO §11.1.2: the BIC of a SEPA direct-debit mandate (ISO 9362).</summary>
public static partial class Bic
{
    public static BankCodeCheck Check(string? typed)
    {
        var bic = BankCodeCheck.Normalize(typed);
        string? problem = bic switch
        {
            "" => "Enter the BIC.",
            _ when bic.Length is not (8 or 11) => $"A BIC has 8 or 11 characters; this one has {bic.Length}.",
            _ when !Shape().IsMatch(bic) =>
                "A BIC is 4 letters for the bank, 2 for the country, 2 letters or digits for the place, and optionally 3 for the branch: check for a typo.",
            _ => null,
        };
        return new BankCodeCheck(bic, problem);
    }

    [GeneratedRegex("^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex Shape();
}
