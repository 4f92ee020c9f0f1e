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

    /// <summary>A short reference for a notice, quoted in letters and on the phone.</summary>
    public static string Reference(TerminationNotice notice) =>
        "TN-" + notice.FiledAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + notice.Id.ToString("N")[..6].ToUpperInvariant();
}
