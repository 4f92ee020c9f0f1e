namespace Portal.Domain.Billing;

/// <summary>A mention an invoice prints: an English resx key and the value it names, if any.</summary>
public sealed record InvoiceMention(string Key, string? Value = null);

/// <summary>
/// What the e-invoicing reform adds to a French invoice (CGI art. 242 nonies A as amended, décret 2024-266): the buyer's
/// SIREN, the nature of the operation and, when the Provider opted for it, VAT on debits. Copied onto the invoice when it
/// is issued (<see cref="InvoiceIssue.For"/>), since an issued invoice never changes.
/// </summary>
public static class InvoiceMentions
{
    public const string NatureServicesKey = "Nature of the operation: services";
    public const string NatureGoodsKey = "Nature of the operation: goods";
    public const string NatureBothKey = "Nature of the operation: goods and services";
    public const string BuyerSirenKey = "Buyer's SIREN: {0}";
    public const string VatOnDebitsKey = "VAT paid on debits";

    /// <summary>
    /// The buyer's SIREN: the 9 digits of a French company's registration ("RCS Paris 552 100 554" → "552100554"; the first
    /// 9 of a 14-digit SIRET). Null for a buyer outside France (it has none) or a registration that holds no SIREN.
    /// </summary>
    public static string? BuyerSiren(string country, string? registrationNumber)
    {
        // Only French companies have a SIREN; Monaco's are registered at the RCI, under a number of another shape.
        if (!string.Equals(country.Trim(), "FR", StringComparison.OrdinalIgnoreCase) || registrationNumber is null) return null;
        var digits = string.Concat(registrationNumber.Where(char.IsAsciiDigit));
        return digits.Length is 9 or 14 ? digits[..9] : null;
    }

    /// <summary>The mentions to print on <paramref name="invoice"/>, in this order.</summary>
    public static IReadOnlyList<InvoiceMention> For(Invoice invoice)
    {
        var mentions = new List<InvoiceMention>
        {
            new(invoice.OperationNature switch
            {
                OperationNature.Goods => NatureGoodsKey,
                OperationNature.GoodsAndServices => NatureBothKey,
                _ => NatureServicesKey,
            }),
        };
        if (invoice.BuyerSiren is { } siren) mentions.Add(new(BuyerSirenKey, siren));
        // A credit note follows the invoice it corrects, which carried the option when it was issued.
        if (invoice.VatOnDebits) mentions.Add(new(VatOnDebitsKey));
        return mentions;
    }
}
