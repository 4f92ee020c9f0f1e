namespace Portal.Web.Shared.Pdf;

/// <summary>
/// The Provider's logo for PDFs: wwwroot-assets/brand/logo.png (PDFsharp cannot draw the SVG), embedded in
/// Portal.Web.dll like the fonts, as "Portal.Brand.logo.png". Null when it is not embedded: documents are then
/// drawn without it, never refused.
/// </summary>
public static class PdfBrand
{
    public const string LogoResource = "Portal.Brand.logo.png";

    private static readonly Lazy<byte[]?> LogoBytes = new(() =>
    {
        using var stream = typeof(PdfBrand).Assembly.GetManifestResourceStream(LogoResource);
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });

    public static byte[]? Logo => LogoBytes.Value;
}
