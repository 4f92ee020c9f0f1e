namespace Portal.Domain.Billing.EInvoicing;

/// <summary>
/// The SIREN, the 9-digit number INSEE gives every French company: the legal identifier (scheme 0002) of French
/// parties on an e-invoice. Clients record it as a registration number in whatever form they use.
/// </summary>
public static class Siren
{
    /// <summary>"RCS Paris 552 100 554" or "552 100 554" → "552100554"; a 14-digit SIRET → its first 9 digits; null otherwise.</summary>
    public static string? From(string? registrationNumber)
    {
        if (string.IsNullOrWhiteSpace(registrationNumber)) return null;
        var digits = new string(registrationNumber.Where(char.IsAsciiDigit).ToArray());
        return digits.Length switch
        {
            9 => digits,
            14 => digits[..9], // a SIRET: the SIREN then the establishment's 5 digits
            _ => null,
        };
    }

    public static bool IsValid(string? siren) => siren is { Length: 9 } && siren.All(char.IsAsciiDigit);
}
