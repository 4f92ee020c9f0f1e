namespace Portal.Web.Shared.Access;

/// <summary>
/// The files every page loads (framework scripts, styles, fonts, the brand's images), which no gate stops: the gates decide
/// about pages and downloads, and a page sent elsewhere still needs its styles. Downloads (CSV, PDF, zip) are not among them.
/// </summary>
public static class StaticFiles
{
    public static bool Requested(PathString path) =>
        Folders.Any(folder => path.StartsWithSegments(folder, StringComparison.OrdinalIgnoreCase))
        || Path.GetExtension(path.Value) is ".js" or ".css" or ".svg" or ".ico" or ".png" or ".ttf" or ".woff" or ".woff2" or ".map";

    private static readonly string[] Folders = ["/_framework", "/_content", "/css", "/brand", "/fonts", "/images"];
}
