using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Settings;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Features.Settings;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Settings.Staff;

/// <summary>Issue #15 part 2: /staff/settings, a ProviderAdmin's alone; each refusal writes nothing; invoices wait for complete settings.</summary>
public sealed class ProviderSettingsTests : IDisposable
{
    // A portal of each test's own: a saved setting must not leak into the next test.
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static readonly SellerIdentity Valid = new("Nuagelis SAS", "SAS", "12 rue des Tanneurs", null, "69002", "Lyon", "FR",
        "Lyon", "912 345 675", "FR65 912 345 675", 80_000m, "FR76 3000 6000 0112 3456 7890 189", "agrifrpp", "billing@nuagelis.example");

    [Fact]
    public async Task A_ProviderAdmin_saves_the_settings_normalized_and_the_change_is_audited()
    {
        await using var scope = await portal.ScopeAsAsync("owner@provider.test");
        var settings = scope.ServiceProvider.GetRequiredService<ProviderSettings>();

        var saved = await settings.SaveAsync(Valid, requireStaffTwoFactor: true);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Values) + saved.Refusal);
        await using var db = portal.OpenAs(Actor.System);
        var p = await db.ProviderProfiles.SingleAsync();
        Assert.Equal(("912345675", "FR65912345675", "RCS Lyon 912 345 675", "FR7630006000011234567890189", "AGRIFRPP", 80_000m, true),
            (p.Siren, p.VatNumber, p.RcsRegistration, p.Iban, p.Bic, p.ShareCapitalEur, p.RequireStaffTwoFactor));
        var audit = await db.AuditEntries.Where(e => e.Action == "ProviderProfile.Modified").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("owner@provider.test", entry.ActorEmail);
        Assert.DoesNotContain("FR7630006000011234567890189", entry.After); // the IBAN stays out of the audit log
        Assert.Empty((await settings.LoadAsync()).Missing);
    }

    [Theory]
    [InlineData(nameof(SellerIdentity.Siren), "912345678", SellerDetails.SirenField)]
    [InlineData(nameof(SellerIdentity.VatNumber), "FR45912345675", SellerDetails.Vat)]
    [InlineData(nameof(SellerIdentity.VatNumber), "FR44732829320", SellerDetails.Vat)]
    [InlineData(nameof(SellerIdentity.Iban), "FR7630006000011234567890188", SellerDetails.IbanField)]
    [InlineData(nameof(SellerIdentity.Bic), "AGRI", SellerDetails.BicField)]
    [InlineData(nameof(SellerIdentity.ContactEmail), "billing", SellerDetails.ContactEmail)]
    [InlineData(nameof(SellerIdentity.Country), "France", "Country")]
    [InlineData(nameof(SellerIdentity.PostalCode), "6900", "Postal code")]
    public async Task Each_invalid_field_is_refused_with_its_message_and_nothing_is_written(string property, string value, string field)
    {
        var typed = property switch
        {
            nameof(SellerIdentity.Siren) => Valid with { Siren = value },
            nameof(SellerIdentity.VatNumber) => Valid with { VatNumber = value },
            nameof(SellerIdentity.Iban) => Valid with { Iban = value },
            nameof(SellerIdentity.Bic) => Valid with { Bic = value },
            nameof(SellerIdentity.ContactEmail) => Valid with { ContactEmail = value },
            nameof(SellerIdentity.Country) => Valid with { Country = value },
            _ => Valid with { PostalCode = value },
        };
        await using var scope = await portal.ScopeAsAsync("owner@provider.test");

        var saved = await scope.ServiceProvider.GetRequiredService<ProviderSettings>().SaveAsync(typed, requireStaffTwoFactor: false);

        Assert.False(saved.Succeeded);
        Assert.True(saved.Problems.ContainsKey(field), string.Join(", ", saved.Problems.Keys));
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("am@provider.test", null)]
    [InlineData("support@provider.test", null)]
    [InlineData("admin@acme.test", "owner@provider.test")]
    public async Task Anyone_but_a_ProviderAdmin_acting_as_themselves_is_refused(string email, string? impersonatedBy)
    {
        await using var scope = await portal.ScopeAsAsync(email, impersonatedBy);

        var saved = await scope.ServiceProvider.GetRequiredService<ProviderSettings>().SaveAsync(Valid, requireStaffTwoFactor: false);

        Assert.Equal("Only a Provider administrator can change the Provider settings.", saved.Refusal);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task The_page_opens_for_a_ProviderAdmin_only()
    {
        var owner = await PortalFactory.SignedInAsync(portal, "owner@provider.test");
        var page = await owner.GetAsync("/staff/settings");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Require two-factor for staff", await page.Content.ReadAsStringAsync());

        var am = await PortalFactory.SignedInAsync(portal, "am@provider.test");
        Assert.NotEqual(HttpStatusCode.OK, (await am.GetAsync("/staff/settings")).StatusCode);
    }

    private async Task AssertUnchangedAsync()
    {
        await using var db = portal.OpenAs(Actor.System);
        Assert.Equal("912345678", await db.ProviderProfiles.Select(p => p.Siren).SingleAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "ProviderProfile.Modified"));
    }
}

/// <summary>DOMAIN "The Provider and its staff": never an invoice without the seller's legal mentions.</summary>
public sealed class IncompleteSettingsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly ClockedPortalFactory portal = new(Start);

    public IncompleteSettingsTests() => _ = portal.Services;

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task While_the_legal_identity_is_incomplete_no_invoice_is_issued_and_the_refusal_names_the_fields()
    {
        await using (var db = await portal.OpenAsSystemAsync())
            await db.ProviderProfiles.ExecuteUpdateAsync(s => s.SetProperty(p => p.LegalForm, "").SetProperty(p => p.Siren, ""));
        var issuer = portal.Get<InvoiceIssuer>();
        portal.Clock.Advance(TimeSpan.FromDays(30)); // Globex's April invoice is due.
        long before;
        await using (var db = await portal.OpenAsSystemAsync()) before = await db.Invoices.CountAsync();

        Assert.Equal([SellerDetails.LegalForm, SellerDetails.SirenField], await issuer.MissingSellerDetailsAsync());
        Assert.Empty(await issuer.IssueDueAsync(Actor.System, portal.Clock.Today()));
        await using (var db = await portal.OpenAsSystemAsync()) Assert.Equal(before, await db.Invoices.CountAsync());

        // The staff dashboard says what is missing.
        var owner = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostSignInAsync(owner, "owner@provider.test")).StatusCode);
        var dashboard = await owner.GetStringAsync("/");
        Assert.Contains("No invoice is issued until the Provider settings are complete. Missing: Legal form, SIREN.", dashboard);

        await using (var db = await portal.OpenAsSystemAsync())
            await db.ProviderProfiles.ExecuteUpdateAsync(s => s.SetProperty(p => p.LegalForm, "SAS").SetProperty(p => p.Siren, "912345675"));
        Assert.NotEmpty(await issuer.IssueDueAsync(Actor.System, portal.Clock.Today()));
    }

}
