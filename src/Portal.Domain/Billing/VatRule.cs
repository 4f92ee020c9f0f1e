namespace Portal.Domain.Billing;

/// <summary>
/// Which VAT an invoice from a French Provider carries for a business buyer (B2B services: the place of supply
/// is where the buyer is established, CGI art. 259-1).
/// </summary>
public static class VatRule
{
    /// <summary>The French standard rate; a setting, since the law may change it.</summary>
    public const decimal DefaultFrenchRate = 0.20m;

    public const string ReverseChargeWordingKey = "Vat.ReverseCharge";
    public const string OutsideEuWordingKey = "Vat.OutsideEu";
    public const string OutsideScopeWordingKey = "Vat.OutsideScope";

    /// <summary>The mentions the law asks for, in both languages at once, whatever the invoice's culture.</summary>
    public static readonly IReadOnlyDictionary<string, string> Wordings = new Dictionary<string, string>
    {
        [ReverseChargeWordingKey] = "Autoliquidation — article 283-2 du CGI / Reverse charge — Article 196 of Directive 2006/112/EC",
        [OutsideEuWordingKey] = "TVA non applicable — article 259-1 du CGI",
        // For the lines of a late-charges invoice that compensate a loss (LateChargesRule): no supply, so no VAT (CGI art. 256).
        [OutsideScopeWordingKey] = "Intérêts de retard et indemnité forfaitaire hors champ de la TVA / Late-payment interest and fixed indemnity outside the scope of VAT",
    };

    /// <summary>The 27 EU member states by ISO 3166-1 code (Greece is GR here, though its VAT numbers start with EL).</summary>
    public static readonly IReadOnlySet<string> EuMemberStates = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    /// <param name="buyerCountry">ISO 3166-1 alpha-2 code of the buyer's establishment.</param>
    /// <param name="buyerVatNumber">The buyer's intra-EU VAT number, if it gave one.</param>
    public static VatDecision For(string buyerCountry, string? buyerVatNumber, decimal frenchRate = DefaultFrenchRate)
    {
        var country = buyerCountry.Trim().ToUpperInvariant();
        // Monaco is inside the French VAT territory (Directive 2006/112/EC art. 7): billed as France.
        if (country is "FR" or "MC") return new(VatTreatment.FrenchVat, frenchRate, null);
        if (!EuMemberStates.Contains(country)) return new(VatTreatment.OutsideEu, 0m, OutsideEuWordingKey);
        // An EU buyer without a VAT number is treated as not a taxable person: French VAT applies.
        return string.IsNullOrWhiteSpace(buyerVatNumber)
            ? new(VatTreatment.FrenchVat, frenchRate, null)
            : new(VatTreatment.ReverseCharge, 0m, ReverseChargeWordingKey);
    }
}

/// <param name="Rate">0.20 for 20 %, as on <see cref="InvoiceLine.VatRate"/>.</param>
/// <param name="WordingKey">The legal mention to print, a key of <see cref="VatRule.Wordings"/>; null when none is needed.</param>
public sealed record VatDecision(VatTreatment Treatment, decimal Rate, string? WordingKey);
