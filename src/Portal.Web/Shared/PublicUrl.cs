using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Portal.Web.Shared;

/// <summary>
/// Portal:PublicUrl, the address users reach Portal at (behind a proxy the request's own address is not it):
/// every link Portal writes into an e-mail or onto the console starts with it.
/// </summary>
public sealed class PublicUrl(IOptions<PortalOptions> options, NavigationManager navigation)
{
    public const string Setting = "Portal:PublicUrl";

    /// <summary>The base every link starts with, ending in '/': the setting, or (outside Production, unset) the address of this request.</summary>
    public string BaseUri => Normalized(options.Value.PublicUrl) ?? navigation.BaseUri;

    /// <summary>Why the value cannot be used, naming the setting; null when it can. Production needs https.</summary>
    public static string? Problem(string? value, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(value))
            return $"The setting {Setting} is not set. Set it to the address users reach Portal at, e.g. \"https://portal.provider.example\" " +
                   "(environment variable Portal__PublicUrl): the links in e-mails and on the console start with it.";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return $"The setting {Setting} is \"{value}\", which is not a web address. Set it to the address users reach Portal at, e.g. \"https://portal.provider.example\".";
        if (requireHttps && uri.Scheme != "https")
            return $"The setting {Setting} is \"{value}\": in Production it must start with https://, as sign-in cookies and links travel over it.";
        return null;
    }

    /// <summary>The base joined with a relative path and query, e.g. Combine(base, "Account/ResetPassword", ("code", c)).</summary>
    public static string Combine(string? baseUri, string path, params (string Name, string Value)[] query)
    {
        var root = Normalized(baseUri) ?? throw new InvalidOperationException($"{Setting} is not set");
        var url = root + path.TrimStart('/');
        foreach (var (name, value) in query) url = QueryHelpers.AddQueryString(url, name, value);
        return url;
    }

    private static string? Normalized(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().TrimEnd('/') + "/";
}
