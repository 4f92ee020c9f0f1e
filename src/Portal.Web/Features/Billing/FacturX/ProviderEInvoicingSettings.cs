using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing.FacturX;

/// <summary>
/// The Provider's e-invoicing settings (French reform), section "Portal:Provider" of appsettings.json or the
/// environment (e.g. Portal__Provider__SepaCreditorId). Each one that is set is written into the Provider's settings
/// (<see cref="Domain.Clients.ProviderProfile"/>) at start-up, audited like any change; the invoices issued after it
/// use it. Leave a setting empty to keep what the Provider's settings hold.
/// </summary>
public sealed class ProviderEInvoicingSettings
{
    public const string Section = "Portal:Provider";

    /// <summary>CGI art. 269-2-c: the Provider opted to pay VAT on debits (printed on invoices, BT-8 in the XML).</summary>
    public bool? VatOnDebits { get; set; }

    /// <summary>The SEPA creditor identifier (ICS) named on direct-debit invoices (BT-90).</summary>
    public string? SepaCreditorId { get; set; }

    /// <summary>The Provider's e-invoicing address in the national directory: its SIREN or a routing code (BT-34).</summary>
    public string? ElectronicAddress { get; set; }

    /// <summary>The EAS scheme of that address: 0225 (French e-invoicing address) or 0002 (a bare SIREN).</summary>
    public string? ElectronicAddressScheme { get; set; }

    /// <summary>Writes the settings that are set into the Provider's settings row, when it exists and differs.</summary>
    public static async Task ApplyAsync(WebApplication app)
    {
        var settings = app.Configuration.GetSection(Section).Get<ProviderEInvoicingSettings>();
        if (settings is null) return;
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        await using var db = await factory.OpenAsSystemAsync(app.Services.GetRequiredService<TimeProvider>());
        var provider = await db.ProviderProfiles.FirstOrDefaultAsync();
        if (provider is null) return; // nothing to set yet: an empty portal has no Provider settings
        if (settings.VatOnDebits is { } debits) provider.VatOnDebits = debits;
        if (Given(settings.SepaCreditorId) is { } creditor) provider.SepaCreditorId = creditor.Replace(" ", "");
        if (Given(settings.ElectronicAddress) is { } address) provider.ElectronicAddress = address;
        if (Given(settings.ElectronicAddressScheme) is { } scheme) provider.ElectronicAddressScheme = scheme;
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync();
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
