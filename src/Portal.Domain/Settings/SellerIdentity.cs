using System.Net.Mail;
using System.Text.RegularExpressions;
using Portal.Domain.Billing;

namespace Portal.Domain.Settings;

/// <summary>What the Provider settings page collects about the seller: its legal identity and what invoices print.</summary>
public sealed record SellerIdentity(
    string? LegalName, string? LegalForm,
    string? AddressLine1, string? AddressLine2, string? PostalCode, string? City, string? Country,
    string? RcsCity, string? Siren, string? VatNumber, decimal? ShareCapitalEur,
    string? Iban, string? Bic, string? ContactEmail);

/// <summary>
/// DOMAIN "The Provider and its staff": the settings are refused field by field, each message saying what to fix
/// (SIREN by its check digit, VAT number by its country's format, IBAN by mod 97). Empty fields are allowed
/// (the settings may be filled in several goes); <see cref="SellerDetails.Missing"/> says what is still missing.
/// </summary>
public static partial class SellerIdentityRules
{
    /// <returns>Field name (the English label) → what to fix; empty when everything typed is valid.</returns>
    public static IReadOnlyDictionary<string, string> Problems(SellerIdentity s)
    {
        var problems = new Dictionary<string, string>();
        if (Filled(s.Siren) && Siren.Check(s.Siren) is { IsValid: false } siren) problems[SellerDetails.SirenField] = siren.Problem!;
        if (Filled(s.VatNumber) && VatNumber.Check(s.VatNumber, Siren.Check(s.Siren).IsValid ? Siren.Check(s.Siren).Value : null) is { IsValid: false } vat)
            problems[SellerDetails.Vat] = vat.Problem!;
        // The account Clients pay by transfer into: an IBAN of the SEPA area, as Clients pay in EUR (SEO §11.1).
        if (Filled(s.Iban) && Iban.Check(s.Iban) is { IsValid: false } iban) problems[SellerDetails.IbanField] = iban.Problem!;
        if (Filled(s.Bic) && Bic.Check(s.Bic) is { IsValid: false } bic) problems[SellerDetails.BicField] = bic.Problem!;
        if (Filled(s.ContactEmail) && !(MailAddress.TryCreate(s.ContactEmail.Trim(), out var a) && a.Address == s.ContactEmail.Trim() && a.Host.Contains('.')))
            problems[SellerDetails.ContactEmail] = "Enter an e-mail address such as billing@provider.example.";
        if (s.ShareCapitalEur is < 0) problems[SellerDetails.ShareCapital] = "The share capital cannot be negative.";
        if (Filled(s.Country) && !CountryCode().IsMatch(s.Country.Trim().ToUpperInvariant()))
            problems["Country"] = "Enter the country as its two-letter code, such as FR.";
        if (Filled(s.PostalCode) && s.Country?.Trim().ToUpperInvariant() is "FR" or null && !FrenchPostalCode().IsMatch(s.PostalCode.Trim()))
            problems["Postal code"] = "A French postal code has 5 digits, such as 69002.";
        return problems;
    }

    /// <summary>"RCS Lyon 912 345 678": the registry's city and the SIREN, as the mention reads on invoices.</summary>
    public static string RcsMention(string city, string siren) =>
        $"RCS {city.Trim()} {siren[..3]} {siren[3..6]} {siren[6..]}";

    /// <summary>The city back from a mention written by <see cref="RcsMention"/>, or the whole text when it is not one.</summary>
    public static string RcsCityOf(string? mention) =>
        mention is null ? "" : RcsShape().Match(mention) is { Success: true } m ? m.Groups[1].Value : mention;

    private static bool Filled([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => !string.IsNullOrWhiteSpace(value);

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex FrenchPostalCode();

    [GeneratedRegex(@"^RCS\s+(.+?)\s+[0-9][0-9 ]{8,}$")]
    private static partial Regex RcsShape();
}
