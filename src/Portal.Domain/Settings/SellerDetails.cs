using Portal.Domain.Clients;

namespace Portal.Domain.Settings;

/// <summary>
/// DOMAIN "The Provider and its staff": no invoice is issued while the seller's legal identity is incomplete
/// (CGI art. 242 nonies A and C. com. R123-237: name, legal form, address, RCS, SIREN, VAT number, share capital),
/// nor without the bank details a transfer is paid to and the address Clients write to.
/// </summary>
public static class SellerDetails
{
    /// <summary>The settings' field names (English, as the settings page labels them) still empty; none when complete.</summary>
    public static IReadOnlyList<string> Missing(ProviderProfile? p)
    {
        if (p is null) return All;
        var missing = new List<string>();
        if (Blank(p.LegalName)) missing.Add(LegalName);
        if (Blank(p.LegalForm)) missing.Add(LegalForm);
        if (p.Address is null || Blank(p.Address.Line1) || Blank(p.Address.PostalCode) || Blank(p.Address.City) || Blank(p.Address.Country))
            missing.Add(Address);
        if (Blank(p.RcsRegistration)) missing.Add(Rcs);
        if (Blank(p.Siren)) missing.Add(SirenField);
        if (Blank(p.VatNumber)) missing.Add(Vat);
        if (p.ShareCapitalEur <= 0) missing.Add(ShareCapital);
        if (Blank(p.Iban)) missing.Add(IbanField);
        if (Blank(p.Bic)) missing.Add(BicField);
        if (Blank(p.SupportEmail)) missing.Add(ContactEmail);
        return missing;
    }

    public const string LegalName = "Legal name";
    public const string LegalForm = "Legal form";
    public const string Address = "Address";
    public const string Rcs = "RCS city";
    public const string SirenField = "SIREN";
    public const string Vat = "VAT number";
    public const string ShareCapital = "Share capital";
    public const string IbanField = "IBAN";
    public const string BicField = "BIC";
    public const string ContactEmail = "Contact e-mail for Clients";

    public static readonly IReadOnlyList<string> All =
        [LegalName, LegalForm, Address, Rcs, SirenField, Vat, ShareCapital, IbanField, BicField, ContactEmail];

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
