using System.Globalization;
using Portal.Domain.Billing;
using Portal.Domain.Clients;
using Portal.Web.Shared;

namespace Portal.Web.Features.Billing;

/// <summary>Dates, amounts, quantities and rates as the invoice's culture writes them, whatever the thread's culture.</summary>
public sealed class InvoiceFormat(CultureInfo culture)
{
    /// <summary>"1 234,50 €" / "€1,234.50", never wrapped before the €.</summary>
    public string Eur(decimal amount) => Culture.Eur(amount, culture);

    /// <summary>Without cents when there are none: "40 €" / "€40".</summary>
    public string EurWhole(decimal amount) => Culture.Eur(amount, culture, decimal.Truncate(amount) == amount ? "C0" : "C");

    public string Date(DateOnly date) => Culture.Date(date, culture);

    public string Quantity(decimal quantity) => quantity.ToString("#,0.##", culture);

    /// <summary>"20 %" in French, "20%" in English; 5.5 % keeps its decimal.</summary>
    public string Rate(decimal rate) =>
        (rate * 100).ToString("0.##", culture) + (culture.TwoLetterISOLanguageName == "fr" ? "\u00A0%" : "%");
}
