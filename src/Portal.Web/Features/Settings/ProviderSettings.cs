using Microsoft.EntityFrameworkCore;
using Portal.Domain.Clients;
using Portal.Domain.People;
using Portal.Domain.Settings;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Settings;

/// <summary>What the settings page shows besides the form: what invoices still lack.</summary>
public sealed record SettingsView(SellerIdentity Seller, bool RequireStaffTwoFactor, IReadOnlyList<string> Missing);

/// <summary>Saved, or the problems by field (English label → message) and nothing written.</summary>
public sealed record SettingsSaved(IReadOnlyDictionary<string, string> Problems, string? Refusal = null)
{
    public bool Succeeded => Problems.Count == 0 && Refusal is null;
}

/// <summary>
/// DOMAIN "The Provider and its staff": the Provider's settings, a ProviderAdmin's alone (never while impersonating).
/// Each change is audited by SaveChanges (ProviderProfile.Modified, IBAN hidden) and applies to documents issued after it.
/// </summary>
public sealed class ProviderSettings(PersonDatabase data)
{
    public async Task<SettingsView> LoadAsync()
    {
        await using var db = await data.OpenAsync();
        var p = await db.ProviderProfiles.AsNoTracking().FirstOrDefaultAsync();
        var seller = p is null
            ? new SellerIdentity(null, null, null, null, null, null, "FR", null, null, null, null, null, null, null)
            : new SellerIdentity(p.LegalName, p.LegalForm, p.Address.Line1, p.Address.Line2, p.Address.PostalCode, p.Address.City,
                p.Address.Country, SellerIdentityRules.RcsCityOf(p.RcsRegistration), p.Siren, p.VatNumber,
                p.ShareCapitalEur == 0 ? null : p.ShareCapitalEur, p.Iban, p.Bic, p.SupportEmail);
        return new SettingsView(seller, p?.RequireStaffTwoFactor ?? Portal.Domain.Staff.StaffTwoFactor.DefaultRequired, SellerDetails.Missing(p));
    }

    public async Task<SettingsSaved> SaveAsync(SellerIdentity typed, bool requireStaffTwoFactor)
    {
        var user = await data.PrincipalAsync();
        if (!user.IsInRole(Role.ProviderAdmin) || PortalClaims.IsImpersonated(user))
            return new SettingsSaved(new Dictionary<string, string>(), "Only a Provider administrator can change the Provider settings.");
        var problems = SellerIdentityRules.Problems(typed);
        if (problems.Count > 0) return new SettingsSaved(problems);

        var siren = Siren.Check(typed.Siren).Value;
        await using var db = await data.OpenAsync();
        var p = await db.ProviderProfiles.FirstOrDefaultAsync();
        if (p is null)
        {
            p = new ProviderProfile
            {
                LegalName = "", LegalForm = "", Address = new PostalAddress("", null, "", "", "FR"), RcsRegistration = "",
                Siren = "", VatNumber = "", SupportEmail = "",
            };
            db.ProviderProfiles.Add(p);
        }
        p.LegalName = Clean(typed.LegalName);
        p.LegalForm = Clean(typed.LegalForm);
        p.Address = new PostalAddress(Clean(typed.AddressLine1), string.IsNullOrWhiteSpace(typed.AddressLine2) ? null : typed.AddressLine2.Trim(),
            Clean(typed.PostalCode), Clean(typed.City), Clean(typed.Country).ToUpperInvariant());
        p.Siren = siren;
        p.RcsRegistration = string.IsNullOrWhiteSpace(typed.RcsCity) ? "" : siren.Length == 9 ? SellerIdentityRules.RcsMention(typed.RcsCity, siren) : Clean(typed.RcsCity);
        p.VatNumber = string.IsNullOrWhiteSpace(typed.VatNumber) ? "" : VatNumber.Check(typed.VatNumber, siren).Value;
        p.ShareCapitalEur = typed.ShareCapitalEur ?? 0;
        p.Iban = string.IsNullOrWhiteSpace(typed.Iban) ? null : Portal.Domain.Billing.Iban.Check(typed.Iban).Value;
        p.Bic = string.IsNullOrWhiteSpace(typed.Bic) ? null : Portal.Domain.Billing.Bic.Check(typed.Bic).Value;
        p.SupportEmail = Clean(typed.ContactEmail);
        p.RequireStaffTwoFactor = requireStaffTwoFactor;
        await db.SaveChangesAsync();
        return new SettingsSaved(new Dictionary<string, string>());
    }

    private static string Clean(string? value) => value?.Trim() ?? "";
}
