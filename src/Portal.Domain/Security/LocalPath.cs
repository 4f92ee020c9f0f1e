namespace Portal.Domain.Security;

/// <summary>
/// ASVS 5.1.5: where a redirect parameter (a sign-in's ReturnUrl, sign-out's, the culture picker's) may send the
/// browser. Only a path on this site: one leading '/', no second '/' or '\' after it (a browser reads "//x" and
/// "/\x" as another host), no backslash at all, and no control or format character (Unicode Cc, Cf), which
/// ASP.NET's LocalRedirect refuses with an exception. Anything else is "/", never an error page.
/// </summary>
public static class LocalPath
{
    public const string Root = "/";

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Contains('\\') && !url.Any(TextCharacters.IsControlOrFormat);

    /// <summary><paramref name="url"/> when it is a local path, else <see cref="Root"/>.</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : Root;
}
