using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Portal.Domain.Security;

namespace Portal.Web.Shared;

/// <summary>English and French: resx text, and dates and EUR amounts formatted per culture.</summary>
public static class Culture
{
    public static readonly string[] Supported = ["en", "fr"];

    public static void AddPortalCulture(this IServiceCollection services) =>
        services.AddLocalization(o => o.ResourcesPath = "Resources");

    public static void UsePortalCulture(this WebApplication app) =>
        app.UseRequestLocalization(o => o
            .SetDefaultCulture(Supported[0])
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported));

    /// <summary>
    /// The culture picker posts here: the choice is kept in the standard cookie, then the page reloads
    /// (a Blazor Server circuit keeps the culture it started with).
    /// </summary>
    public static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            if (!Supported.Contains(name)) return Results.NotFound();
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalPath.OrRoot(returnUrl));
        });

    /// <summary>An amount in EUR as the reader's culture writes it: "€1,234.50" or "1 234,50 €" (never wrapped before the €).</summary>
    public static string Eur(decimal amount) => Eur(amount, CultureInfo.CurrentCulture);

    /// <summary>The same in a given culture, e.g. a document in the Client's language; "C0" drops the cents.</summary>
    public static string Eur(decimal amount, CultureInfo culture, string format = "C") =>
        amount.ToString(format, EurFormat(culture)).Replace(" €", "\u00A0€");

    private static NumberFormatInfo EurFormat(CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        if (culture.TwoLetterISOLanguageName == "en") format.CurrencyPositivePattern = 0; // €1,234.50
        return format;
    }

    /// <summary>A date as the reader's culture writes it in full: "31 January 2026" / "31 janvier 2026".</summary>
    public static string Date(DateOnly date) => Date(date, CultureInfo.CurrentCulture);

    public static string Date(DateOnly date, CultureInfo culture) => date.ToString("d MMMM yyyy", culture);

    /// <summary>
    /// Runs <paramref name="render"/> with the UI culture set to <paramref name="culture"/>: documents and e-mails go out in
    /// their reader's language (the Client's, or a staff member's), whatever the language of the request that produced them.
    /// </summary>
    public static TResult In<TResult>(string? culture, Func<TResult> render)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var target = CultureInfo.GetCultureInfo(Supported.Contains(culture) ? culture! : Supported[0]);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = target;
        try
        {
            return render();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
