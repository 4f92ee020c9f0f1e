using Portal.Domain.Billing;

namespace Portal.Domain.Settings;

/// <summary>The French company number (INSEE): nine digits whose last is a Luhn check digit.</summary>
public static class Siren
{
    public static BankCodeCheck Check(string? typed)
    {
        var siren = string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c)));
        string? problem = siren switch
        {
            "" => "Enter the SIREN.",
            _ when siren.Length != 9 || !siren.All(char.IsAsciiDigit) => "A SIREN has 9 digits, such as 912 345 678.",
            _ when !Luhn(siren) => "The SIREN's check digit does not match: check for a typo.",
            _ => null,
        };
        return new BankCodeCheck(siren, problem);
    }

    /// <summary>Luhn: from the right, every second digit doubled (minus 9 above 9); the sum is a multiple of 10.</summary>
    internal static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
