using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Portal.Web.Shared.Pdf;

/// <summary>
/// PDFsharp finds no system fonts on Linux: this resolver serves DejaVu Sans (the portal's web font)
/// embedded in Portal.Web.dll from wwwroot-assets/fonts (see the EmbeddedResource item in Portal.Web.csproj).
/// Embedded rather than read from the web root so a PDF needs no host, content root or copied folder:
/// the same bytes in dotnet run, a published app, the test runners' bin folders and the benchmarks.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    /// <summary>The one family every portal PDF is drawn in; any other family name falls back to it.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly ConcurrentDictionary<string, byte[]> Faces = new();
    private static readonly Lock Gate = new();
    private static bool installed;

    /// <summary>
    /// Sets the font resolver, once per process: PDFsharp's settings are static and must not change after the
    /// first font is used. (PDFsharp 6.2.4 is MIT-licensed and asks for no licence declaration; 6.5 named the AGPL.)
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed) return;
            GlobalFontSettings.FontResolver = new PdfFonts();
            installed = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName) =>
        Faces.GetOrAdd(faceName, name =>
        {
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Portal.Fonts.{name}.ttf")
                ?? throw new InvalidOperationException($"Font {name} is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        });
}
