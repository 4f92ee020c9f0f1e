namespace Portal.Domain.Billing;

/// <summary>SEO §11.1.2: the IBAN of a SEPA direct-debit mandate (ISO 13616).</summary>
public static class Iban
{
    /// <summary>IBAN length by country, for the SEPA scheme's countries, with the adjective a message uses.</summary>
    private static readonly Dictionary<string, (int Length, string Adjective)> SepaCountries = new()
    {
        ["AD"] = (24, "Andorran"), ["AL"] = (28, "Albanian"), ["AT"] = (20, "Austrian"), ["BE"] = (16, "Belgian"),
        ["BG"] = (22, "Bulgarian"), ["CH"] = (21, "Swiss"), ["CY"] = (28, "Cypriot"), ["CZ"] = (24, "Czech"),
        ["DE"] = (22, "German"), ["DK"] = (18, "Danish"), ["EE"] = (20, "Estonian"), ["ES"] = (24, "Spanish"),
        ["FI"] = (18, "Finnish"), ["FR"] = (27, "French"), ["GB"] = (22, "British"), ["GI"] = (23, "Gibraltar"),
        ["GR"] = (27, "Greek"), ["HR"] = (21, "Croatian"), ["HU"] = (28, "Hungarian"), ["IE"] = (22, "Irish"),
        ["IS"] = (26, "Icelandic"), ["IT"] = (27, "Italian"), ["LI"] = (21, "Liechtenstein"), ["LT"] = (20, "Lithuanian"),
        ["LU"] = (20, "Luxembourg"), ["LV"] = (21, "Latvian"), ["MC"] = (27, "Monegasque"), ["MD"] = (24, "Moldovan"),
        ["ME"] = (22, "Montenegrin"), ["MK"] = (19, "North Macedonian"), ["MT"] = (31, "Maltese"), ["NL"] = (18, "Dutch"),
        ["NO"] = (15, "Norwegian"), ["PL"] = (28, "Polish"), ["PT"] = (25, "Portuguese"), ["RO"] = (24, "Romanian"),
        ["SE"] = (24, "Swedish"), ["SI"] = (19, "Slovenian"), ["SK"] = (24, "Slovak"), ["SM"] = (27, "San Marino"),
        ["VA"] = (22, "Vatican"),
    };

    // SEO §11.1.2: the IBAN serves a SEPA direct debit, so an account outside the SEPA area is refused.
    public static BankCodeCheck Check(string? typed)
    {
        var iban = BankCodeCheck.Normalize(typed);
        string? problem = iban switch
        {
            "" => "Enter the IBAN.",
            _ when !iban.All(char.IsAsciiLetterOrDigit) => "An IBAN has only letters and digits: remove any other character.",
            _ when iban.Length < 2 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) =>
                "An IBAN starts with its country's two letters, such as FR.",
            _ when !SepaCountries.ContainsKey(iban[..2]) =>
                $"{iban[..2]} is not a SEPA country: a direct debit needs an account in the SEPA area.",
            _ when SepaCountries[iban[..2]] is var (length, adjective) && iban.Length != length =>
                $"{Article(adjective)} {adjective} IBAN has {length} characters; this one has {iban.Length}.",
            _ when !iban[2..4].All(char.IsAsciiDigit) || Mod97(iban) != 1 => "The IBAN's check digits do not match: check for a typo.",
            _ => null,
        };
        return new BankCodeCheck(iban, problem);
    }

    /// <summary>"FR76 •••• •••• •••• •••• •••0 189": the country and check digits, and the last four characters.</summary>
    public static string Mask(string iban)
    {
        var value = BankCodeCheck.Normalize(iban);
        var masked = value.Select((c, i) => i < 4 || i >= value.Length - 4 ? c : '•').ToArray();
        return string.Join(' ', masked.Chunk(4).Select(group => new string(group)));
    }

    /// <summary>ISO 13616: the first four characters move to the end, letters become 10–35, and the number mod 97 is 1.</summary>
    private static int Mod97(string iban) =>
        (iban[4..] + iban[..4]).Aggregate(0, (rest, c) => char.IsAsciiDigit(c)
            ? (rest * 10 + (c - '0')) % 97
            : (rest * 100 + (c - 'A' + 10)) % 97);

    private static string Article(string adjective) => "AEIOU".Contains(adjective[0]) ? "An" : "A";
}
