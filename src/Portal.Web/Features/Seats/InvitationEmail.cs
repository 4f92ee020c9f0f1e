using System.Globalization;
using System.Net;

namespace Portal.Web.Features.Seats;

/// <summary>
/// The invitation to choose a password, in the Client's language (the invited person has not chosen one yet).
/// Written here in both languages rather than in the resx: it is sent from the inviting admin's request.
/// </summary>
public sealed record InvitationEmail(string Subject, string HtmlBody)
{
    public static InvitationEmail For(string culture, string product, string company, string invitedName, string inviterName,
        string link, DateTimeOffset expiresAt)
    {
        var (p, name, by, client, url) = (P, Encode(invitedName), Encode(inviterName), Encode(company), Encode(link));
        var until = expiresAt.UtcDateTime.ToString(culture == "fr" ? "d MMMM yyyy à HH:mm 'UTC'" : "d MMMM yyyy, HH:mm 'UTC'",
            CultureInfo.GetCultureInfo(culture == "fr" ? "fr" : "en"));
        return culture == "fr"
            ? new($"Invitation à {product}", $"{p}Bonjour {name},</p>" +
                $"{p}{by} vous invite à utiliser {Encode(product)} pour {client}.</p>" +
                $"{p}<a href=\"{url}\">Choisissez votre mot de passe</a> pour activer votre compte. Ce lien ne fonctionne qu'une fois, " +
                $"jusqu'au {until}.</p>" +
                $"{p}S'il a expiré, demandez une nouvelle invitation à votre administrateur.</p>")
            : new($"Your invitation to {product}", $"{p}Hello {name},</p>" +
                $"{p}{by} invites you to use {Encode(product)} for {client}.</p>" +
                $"{p}<a href=\"{url}\">Choose your password</a> to activate your account. The link works once, until {until}.</p>" +
                $"{p}If it has expired, ask your administrator for a new invitation.</p>");
    }

    // Inline, as e-mail clients ignore style sheets.
    private const string P = "<p style=\"margin:0 0 12px\">";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
