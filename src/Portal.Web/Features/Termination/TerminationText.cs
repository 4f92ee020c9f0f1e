using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Termination;
using Portal.Web.Shared;

namespace Portal.Web.Features.Termination;

/// <summary>The English names of termination values (the resx translates them) and the rules' messages as text.</summary>
public static class TerminationText
{
    public static string KindName(TerminationKind kind) => kind switch
    {
        TerminationKind.NonRenewal => "Non-renewal",
        TerminationKind.MaterialBreach => "Material breach",
        TerminationKind.AvailabilityBreach => "Availability breach",
        _ => "Amendment termination",
    };

    public static string StatusName(TerminationStatus status) => status switch
    {
        TerminationStatus.Filed => "Filed",
        TerminationStatus.Received => "Received",
        TerminationStatus.Effective => "Effective",
        TerminationStatus.Withdrawn => "Withdrawn",
        _ => "Cured",
    };

    /// <summary>A rule's message in the reader's language, its dates written in full.</summary>
    public static string Say(IStringLocalizer T, RuleMessage message) =>
        T[message.Template, message.Args.Select(a => a is DateOnly d ? Culture.Date(d) : a).ToArray()];

    /// <summary>
    /// Runs <paramref name="render"/> with the UI culture set to <paramref name="culture"/>: documents and e-mails go out in
    /// their reader's language (the Client's, or a staff member's), whatever the language of the request that produced them.
    /// </summary>
    public static TResult In<TResult>(string? culture, Func<TResult> render)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var target = CultureInfo.GetCultureInfo(Culture.Supported.Contains(culture) ? culture! : Culture.Supported[0]);
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

    /// <summary>A short reference for a notice, quoted in letters and on the phone.</summary>
    public static string Reference(TerminationNotice notice) =>
        "TN-" + notice.FiledAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + notice.Id.ToString("N")[..6].ToUpperInvariant();
}
