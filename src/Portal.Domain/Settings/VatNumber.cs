using System.Text.RegularExpressions;
using Portal.Domain.Billing;

namespace Portal.Domain.Settings;

/// <summary>
/// The seller's intra-EU VAT number on every invoice (CGI art. 242 nonies A): its country's format; a French one
/// also carries its key, (12 + 3 × (SIREN mod 97)) mod 97, and must be the SIREN given.
/// </summary>
public static partial class VatNumber
{
    // The EU's VIES formats, after the two-letter prefix (Greece's prefix is EL).
    private static readonly Dictionary<string, string> Formats = new()
    {
        ["AT"] = "U[0-9]{8}", ["BE"] = "[01][0-9]{9}", ["BG"] = "[0-9]{9,10}", ["CY"] = "[0-9]{8}[A-Z]",
        ["CZ"] = "[0-9]{8,10}", ["DE"] = "[0-9]{9}", ["DK"] = "[0-9]{8}", ["EE"] = "[0-9]{9}", ["EL"] = "[0-9]{9}",
        ["ES"] = "[0-9A-Z][0-9]{7}[0-9A-Z]", ["FI"] = "[0-9]{8}", ["FR"] = "[0-9A-Z]{2}[0-9]{9}", ["HR"] = "[0-9]{11}",
        ["HU"] = "[0-9]{8}", ["IE"] = "[0-9][0-9A-Z+*][0-9]{5}[A-Z]{1,2}", ["IT"] = "[0-9]{11}", ["LT"] = "([0-9]{9}|[0-9]{12})",
        ["LU"] = "[0-9]{8}", ["LV"] = "[0-9]{11}", ["MT"] = "[0-9]{8}", ["NL"] = "[0-9]{9}B[0-9]{2}", ["PL"] = "[0-9]{10}",
        ["PT"] = "[0-9]{9}", ["RO"] = "[0-9]{2,10}", ["SE"] = "[0-9]{12}", ["SI"] = "[0-9]{8}", ["SK"] = "[0-9]{10}",
    };

    /// <param name="typed">What the person typed.</param>
    /// <param name="siren">The SIREN on the same form, to which a French number must belong (null: not checked).</param>
    public static BankCodeCheck Check(string? typed, string? siren)
    {
        var vat = string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-'))).ToUpperInvariant();
        if (vat == "") return new(vat, "Enter the VAT number.");
        if (vat.Length < 4 || !char.IsAsciiLetter(vat[0]) || !char.IsAsciiLetter(vat[1]))
            return new(vat, "A VAT number starts with its country's two letters, such as FR.");
        if (!Formats.TryGetValue(vat[..2], out var format))
            return new(vat, "The VAT number's first two letters are not an EU country code (Greece is EL).");
        if (!Regex.IsMatch(vat[2..], $"^{format}$"))
            return new(vat, "The VAT number does not have its country's format: check the digits after the country code.");
        if (vat[..2] == "FR" && vat[2..4].All(char.IsAsciiDigit))
        {
            var number = vat[4..];
            if (siren is { Length: 9 } && number != siren)
                return new(vat, "A French VAT number ends with the company's SIREN: this one does not match the SIREN above.");
            var key = (12 + 3 * (long.Parse(number) % 97)) % 97;
            if (int.Parse(vat[2..4]) != key)
                return new(vat, "The French VAT number's key (the two digits after FR) does not match its SIREN: check for a typo.");
        }
        return new(vat, null);
    }

    /// <summary>The French VAT number of a SIREN: FR, the key, the SIREN.</summary>
    public static string FrenchFor(string siren) => $"FR{(12 + 3 * (long.Parse(siren) % 97)) % 97:00}{siren}";
}
