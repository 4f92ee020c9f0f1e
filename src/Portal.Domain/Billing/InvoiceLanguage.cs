namespace Portal.Domain.Billing;

/// <summary>DOMAIN "Invoices and payment": line descriptions are in the invoice's language, the Client's ("fr" or "en").</summary>
public static class InvoiceLanguage
{
    public static bool IsFrench(string? culture) => culture?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The French text for a French invoice when there is one; otherwise the English, which every line has.</summary>
    public static string Pick(string? culture, string english, string? french) =>
        IsFrench(culture) && !string.IsNullOrWhiteSpace(french) ? french.Trim() : english;
}
