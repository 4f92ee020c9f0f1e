using System.Runtime.CompilerServices;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Portal.Web.Shared.Pdf;

/// <summary>
/// The one PDF layout of the portal (invoices, termination notices, acceptance evidence): A4, the
/// Provider's name and the document title on every page, then blocks laid out top to bottom (labelled
/// fields, paragraphs, hashes, tables) that wrap and break onto new pages by themselves, and
/// "page n of m" in the footer of every page. Text arrives already translated. Every document is PDF/A-3b
/// (<see cref="PdfArchive"/>) and tagged for screen readers: the title and headings as H1/H2, tables as tables
/// (header cells TH), paragraphs and fields as P; page headers, footers and rules are artifacts.
/// </summary>
/// <example><code>
/// using var sheet = new PdfSheet(provider, T["Acceptance evidence"], T["Page {0} of {1}"]);
/// sheet.Field(T["Client"], "Acme Industries SA").Hash(T["Hash"], record.Hash);
/// return sheet.ToArray();
/// </code></example>
public sealed class PdfSheet : IDisposable
{
    private const double Margin = 50, LabelWidth = 150, Gap = 10;
    private static readonly XSize A4 = new(595.28, 841.89);
    private static readonly XColor Ink = XColor.FromArgb(0x1a, 0x1a, 0x1a), Muted = XColor.FromArgb(0x55, 0x5e, 0x6b),
        Brand = XColor.FromArgb(0x1f, 0x4e, 0x8c), Rule = XColor.FromArgb(0xc8, 0xd0, 0xda), Tint = XColor.FromArgb(0xf1, 0xf4, 0xf8),
        Good = XColor.FromArgb(0x2e, 0x7d, 0x32), Bad = XColor.FromArgb(0xb3, 0x26, 0x1e);

    private readonly List<PdfAssociatedFile> attachments = [];
    private readonly string provider, title, pageOf, language;
    private readonly XImage? logo;
    private readonly XFont body, bold, small, smallBold, code, heading, big;

    /// <summary>
    /// The blocks as called, drawn by <see cref="ToArray"/>: once to count the pages, then for real. PDFsharp 6.2's
    /// accessibility (UAManager) only lets the last page be drawn on, so "page n of m" cannot be added to earlier
    /// pages afterwards: each footer is drawn as its page is left, with m known from the first pass.
    /// </summary>
    private readonly List<Action> blocks = [];
    private readonly Dictionary<(string Text, XFont Font, double Width), List<string>> wrapped = [];
    private bool drawing;
    private PdfDocument document = null!;
    private StructureBuilder? tags;
    private int? pageCount;
    private XGraphics? page;
    private double y;

    static PdfSheet() => PdfFonts.Install();

    /// <param name="provider">The Provider's legal name, top left of every page.</param>
    /// <param name="title">The document's title: large on the first page, small in every page's footer.</param>
    /// <param name="pageOf">The footer's format, translated: "Page {0} of {1}".</param>
    /// <param name="logo">A PNG or JPEG drawn small before the Provider's name on every page; none when null or unreadable.</param>
    /// <param name="language">The document's language for screen readers ("fr", "en"); the reader's culture when null.</param>
    public PdfSheet(string provider, string title, string pageOf, byte[]? logo = null, string? language = null)
    {
        (this.provider, this.title, this.pageOf) = (provider, title, pageOf);
        this.language = language ?? System.Globalization.CultureInfo.CurrentUICulture.Name;
        this.logo = SharedImage(logo);
        body = new XFont(PdfFonts.Family, 10);
        bold = new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold);
        small = new XFont(PdfFonts.Family, 8.5);
        smallBold = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
        code = new XFont(PdfFonts.Family, 8);
        heading = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
        big = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold);
    }

    /// <summary>Outside <see cref="ToArray"/> a block is only noted; true when it was (the caller returns at once).</summary>
    private bool Noted(Action block)
    {
        if (drawing) return false;
        blocks.Add(block);
        return true;
    }

    /// <summary>Draws every block into a new document; tagged and with footers when the page count is known.</summary>
    private void Draw(int? pages)
    {
        page?.Dispose();
        page = null;
        document?.Dispose();
        document = new PdfDocument();
        pageCount = pages;
        // Speed over size: an invoice is rendered for every download (PDFs at 100/s are a capacity target), and
        // the fastest deflate level costs a few KB per file; what the PDF shows is the same.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = title;
        document.Info.Author = provider;
        document.Info.Creator = "Portal";
        document.Version = 17; // PDF/A-3 is based on PDF 1.7 (associated files)
        tags = null;
        if (pages is not null)
        {
            var accessibility = UAManager.ForDocument(document);
            accessibility.SetDocumentLanguage(language);
            tags = accessibility.StructureBuilder;
        }
        drawing = true;
        NewPage();
        Tagged(PdfBlockLevelElementTag.Heading1, () => Lines(title, big, Brand, Margin, Width));
        y += 6;
        foreach (var block in blocks) block();
        Footer();
        page?.Dispose();
        page = null;
        drawing = false;
    }

    private double Width => A4.Width - 2 * Margin;
    private double Bottom => A4.Height - Margin - 24;
    private double ValueX => Margin + LabelWidth + Gap;
    private double ValueWidth => Width - LabelWidth - Gap;
    private XGraphics Page => page!;

    /// <summary>A section title, kept on the same page as at least two lines after it.</summary>
    public PdfSheet Heading(string text)
    {
        if (Noted(() => Heading(text))) return this;
        y += 10;
        Need(LineHeight(heading) * 1.5 + 3 * LineHeight(body));
        Tagged(PdfBlockLevelElementTag.Heading2, () => Lines(text, heading, Brand, Margin, Width));
        Artifact(() => Stroke(new XPen(Rule, 0.75), Margin, y + 1, Margin + Width, y + 1));
        y += 6;
        return this;
    }

    /// <summary>A labelled value: the label in the left column, the value wrapped in the right one. An empty value shows "—".</summary>
    public PdfSheet Field(string label, string? value) => Noted(() => Field(label, value)) ? this
        : Row(label, string.IsNullOrWhiteSpace(value) ? "—" : value, body, Ink, tint: false);

    /// <summary>A hash or another long token: small, on a tinted band, cut anywhere when it does not fit on one line.</summary>
    public PdfSheet Hash(string label, string? value) => Noted(() => Hash(label, value)) ? this
        : Row(label, string.IsNullOrEmpty(value) ? "—" : value, code, Ink, tint: true);

    /// <summary>Running text across the full width.</summary>
    public PdfSheet Paragraph(string text, bool muted = false)
    {
        if (Noted(() => Paragraph(text, muted))) return this;
        y += 4;
        Tagged(PdfBlockLevelElementTag.Paragraph, () => Lines(text, muted ? small : body, muted ? Muted : Ink, Margin, Width));
        y += 4;
        return this;
    }

    /// <summary>A framed statement with a green (holds) or red (does not hold) bar: a verification result, a warning.</summary>
    public PdfSheet Verdict(string text, bool holds)
    {
        if (Noted(() => Verdict(text, holds))) return this;
        y += 8;
        var lines = Wrap(text, bold, Width - 20);
        var height = lines.Count * LineHeight(bold) + 12;
        Need(height);
        Artifact(() =>
        {
            Rectangle(new XSolidBrush(Tint), Margin, y, Width, height);
            Rectangle(new XSolidBrush(holds ? Good : Bad), Margin, y, 4, height);
        });
        y += 6;
        Tagged(PdfBlockLevelElementTag.Paragraph, () => { foreach (var line in lines) DrawLine(line, bold, holds ? Good : Bad, Margin + 14); });
        y += 6 + 4;
        return this;
    }

    /// <summary>A table with a header row (repeated after a page break); widths are relative, right-aligned columns for amounts.</summary>
    public PdfSheet Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (!drawing)
        {
            var list = rows.ToList(); // drawn twice
            blocks.Add(() => Table(columns, list));
            return this;
        }
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width / total * Width).ToArray();
        y += 6;
        Need(3 * LineHeight(small));
        tags?.BeginElement(PdfBlockLevelElementTag.Table);
        TableRow(columns.Select(c => c.Header).ToList(), columns, widths, smallBold, header: true);
        foreach (var row in rows)
        {
            var height = RowHeight(row, widths, small);
            if (y + height > Bottom)
            {
                NewPage();
                // The header row repeated on the next page is for the eye; a screen reader has it once.
                Artifact(() => TableRow(columns.Select(c => c.Header).ToList(), columns, widths, smallBold, header: true, tagged: false));
            }
            TableRow(row, columns, widths, small, header: false);
        }
        tags?.End();
        y += 6;
        return this;
    }

    /// <summary>
    /// Two blocks side by side, each a small title then its lines (the first one bold): the seller and the buyer of an invoice.
    /// Kept together on one page.
    /// </summary>
    public PdfSheet Parties(string leftTitle, IReadOnlyList<string> left, string rightTitle, IReadOnlyList<string> right)
    {
        if (Noted(() => Parties(leftTitle, left, rightTitle, right))) return this;
        var half = (Width - 2 * Gap) / 2;
        var leftLines = left.Select((l, i) => (Lines: Wrap(l, i == 0 ? bold : small, half), Font: i == 0 ? bold : small)).ToList();
        var rightLines = right.Select((l, i) => (Lines: Wrap(l, i == 0 ? bold : small, half - 10), Font: i == 0 ? bold : small)).ToList();
        double Height(List<(List<string> Lines, XFont Font)> block) => LineHeight(smallBold) + 2 + block.Sum(b => b.Lines.Count * LineHeight(b.Font));
        var height = Math.Max(Height(leftLines), Height(rightLines)) + 8;
        y += 8;
        Need(height);
        var top = y;
        Artifact(() => Rectangle(new XSolidBrush(Tint), Margin + half + 2 * Gap - 6, top - 4, half + 6, height));
        void Block(string blockTitle, List<(List<string> Lines, XFont Font)> block, double x)
        {
            y = top;
            Tagged(PdfBlockLevelElementTag.Heading3, () => DrawLine(blockTitle.ToUpperInvariant(), smallBold, Muted, x));
            y += 2;
            Tagged(PdfBlockLevelElementTag.Paragraph, () =>
            {
                foreach (var (lines, font) in block)
                    foreach (var line in lines) DrawLine(line, font, Ink, x);
            });
        }
        Block(leftTitle, leftLines, Margin);
        Block(rightTitle, rightLines, Margin + half + 2 * Gap);
        y = top + height;
        return this;
    }

    /// <summary>Label and amount pairs right-aligned under a table (totals); a bold pair is framed as the one to pay.</summary>
    public PdfSheet Totals(IEnumerable<(string Label, string Value, bool Bold)> rows)
    {
        if (!drawing)
        {
            var noted = rows.ToList();
            blocks.Add(() => Totals(noted));
            return this;
        }
        const double boxWidth = 260;
        var x = Margin + Width - boxWidth;
        var list = rows.ToList();
        Need(list.Sum(r => LineHeight(r.Bold ? bold : body) + 4) + 4);
        tags?.BeginElement(PdfBlockLevelElementTag.Table);
        foreach (var (label, value, isBold) in list)
        {
            var font = isBold ? bold : body;
            var height = LineHeight(font) + 4;
            if (isBold) Artifact(() => Rectangle(new XSolidBrush(Tint), x, y, boxWidth, height));
            tags?.BeginElement(PdfBlockLevelElementTag.TableRow);
            Tagged(PdfBlockLevelElementTag.TableHeaderCell, () =>
                Text(label, font, new XSolidBrush(isBold ? Ink : Muted), new XRect(x + 6, y + 2, boxWidth - 100, LineHeight(font)), XStringFormats.TopLeft));
            Tagged(PdfBlockLevelElementTag.TableDataCell, () =>
                Text(value, font, new XSolidBrush(Ink), new XRect(x, y + 2, boxWidth - 6, LineHeight(font)), XStringFormats.TopRight));
            tags?.End();
            y += height;
            Artifact(() => Stroke(new XPen(Rule, 0.5), x, y, x + boxWidth, y));
        }
        tags?.End();
        y += 6;
        return this;
    }

    /// <summary>Embeds a file as a PDF/A-3 associated file (an invoice's Factur-X XML), listed in the catalog's /AF.</summary>
    public PdfSheet Attach(PdfAssociatedFile file)
    {
        attachments.Add(file);
        return this;
    }

    public void Save(Stream stream) => stream.Write(ToArray());

    public byte[] ToArray()
    {
        Draw(pages: null);
        Draw(pages: document.PageCount);
        PdfArchive.AddOutputIntent(document);
        PdfArchive.Embed(document, attachments);
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);
        return PdfArchive.WithXmp(saved.ToArray(), document, attachments);
    }

    public void Dispose()
    {
        page?.Dispose();
        document?.Dispose(); // not the logo: shared by every document drawn with the same bytes
    }

    // Decoding the PNG was a third of a document's set-up: each logo's bytes (PdfBrand.Logo is one array) are decoded
    // once per process; an array nobody holds any more lets its image go with it.
    private static readonly ConditionalWeakTable<byte[], XImage?> Images = new();

    /// <summary>Every document draws the shared image under this lock: PDFsharp copies it into the document then.</summary>
    private static readonly Lock ImageGate = new();

    private static XImage? SharedImage(byte[]? bytes) =>
        bytes is not { Length: > 0 } ? null : Images.GetValue(bytes, LoadImage);

    private static XImage? LoadImage(byte[] bytes)
    {
        try
        {
            var image = XImage.FromStream(new MemoryStream(bytes, writable: false));
            image.Interpolate = false; // ISO 19005-2/3 §6.2.8: PDF/A forbids image interpolation
            return image;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            return null; // A broken logo never stops a document.
        }
    }

    private PdfSheet Row(string label, string value, XFont font, XColor color, bool tint)
    {
        var labelLines = Wrap(label, small, LabelWidth);
        var valueLines = Wrap(value, font, ValueWidth - (tint ? 8 : 0));
        var lineHeight = Math.Max(LineHeight(font), LineHeight(small));
        var count = Math.Max(labelLines.Count, valueLines.Count);
        y += 3;
        Need(Math.Min(count * lineHeight, Bottom - Top));
        // A screen reader reads the label then the value, as one paragraph.
        tags?.BeginElement(PdfBlockLevelElementTag.Paragraph);
        for (var i = 0; i < count; i++)
        {
            Need(lineHeight);
            if (tint) Artifact(() => Rectangle(new XSolidBrush(Tint), ValueX, y - 1, ValueWidth, lineHeight + 2));
            if (i < labelLines.Count) Text(labelLines[i], small, new XSolidBrush(Muted), new XRect(Margin, y + BaselineShift(small, font), LabelWidth, lineHeight), XStringFormats.TopLeft);
            if (i < valueLines.Count) Text(valueLines[i], font, new XSolidBrush(color), new XRect(ValueX + (tint ? 4 : 0), y + BaselineShift(font, small), ValueWidth, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }
        tags?.End();
        y += 3;
        return this;
    }

    private void TableRow(IReadOnlyList<string?> cells, IReadOnlyList<PdfColumn> columns, double[] widths, XFont font, bool header, bool tagged = true)
    {
        var height = RowHeight(cells, widths, font);
        if (header) Artifact(() => Rectangle(new XSolidBrush(Tint), Margin, y, Width, height), tagged);
        if (tagged) tags?.BeginElement(PdfBlockLevelElementTag.TableRow);
        var x = Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            var lines = Wrap(c < cells.Count ? cells[c] ?? "" : "", font, widths[c] - 8);
            var cellX = x;
            void Cell()
            {
                for (var i = 0; i < lines.Count; i++)
                    Text(lines[i], font, new XSolidBrush(header ? Muted : Ink),
                        new XRect(cellX + 4, y + 3 + i * LineHeight(font), widths[c] - 8, LineHeight(font)),
                        columns[c].AlignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }
            if (tagged) Tagged(header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell, Cell);
            else Cell();
            x += widths[c];
        }
        if (tagged) tags?.End();
        y += height;
        Artifact(() => Stroke(new XPen(Rule, 0.5), Margin, y, Margin + Width, y), tagged);
    }

    /// <summary>The first drawing only counts the pages: it lays out (measures, breaks pages) but draws nothing.</summary>
    private bool Counting => pageCount is null;

    private void Text(string text, XFont font, XBrush brush, XRect rect, XStringFormat format)
    {
        if (!Counting) Page.DrawString(text, font, brush, rect, format);
    }

    private void Rectangle(XBrush brush, double x, double y, double width, double height)
    {
        if (!Counting) Page.DrawRectangle(brush, x, y, width, height);
    }

    private void Stroke(XPen pen, double x1, double y1, double x2, double y2)
    {
        if (!Counting) Page.DrawLine(pen, x1, y1, x2, y2);
    }

    /// <summary>Draws <paramref name="draw"/> as one structure element (a heading, a paragraph, a cell).</summary>
    private void Tagged(PdfBlockLevelElementTag tag, Action draw)
    {
        tags?.BeginElement(tag);
        draw();
        tags?.End();
    }

    /// <summary>Draws decoration a screen reader skips (rules, tints, page headers and footers); already inside one when not <paramref name="mark"/>.</summary>
    private void Artifact(Action draw, bool mark = true)
    {
        if (!mark)
        {
            draw();
            return;
        }
        tags?.BeginArtifact();
        draw();
        tags?.End();
    }

    private double RowHeight(IReadOnlyList<string?> cells, double[] widths, XFont font) =>
        widths.Select((w, c) => Wrap(c < cells.Count ? cells[c] ?? "" : "", font, w - 8).Count).Max() * LineHeight(font) + 6;

    private void Lines(string text, XFont font, XColor color, double x, double width)
    {
        foreach (var line in Wrap(text, font, width))
        {
            Need(LineHeight(font));
            DrawLine(line, font, color, x);
        }
    }

    private void DrawLine(string line, XFont font, XColor color, double x)
    {
        Text(line, font, new XSolidBrush(color), new XRect(x, y, A4.Width - Margin - x, LineHeight(font)), XStringFormats.TopLeft);
        y += LineHeight(font);
    }

    private static double LineHeight(XFont font) => font.Size * 1.35;

    /// <summary>How far to lower text in <paramref name="font"/> so it sits on the same baseline as text in <paramref name="other"/> (DejaVu's ascent is 0.93 em).</summary>
    private static double BaselineShift(XFont font, XFont other) => Math.Max(0, other.Size - font.Size) * 0.93;

    private double Top => Margin + 28;

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    private void Need(double height)
    {
        if (y + height > Bottom) NewPage();
    }

    private void NewPage()
    {
        Footer();
        page?.Dispose();
        var next = document.AddPage();
        next.Size = PdfSharp.PageSize.A4;
        page = XGraphics.FromPdfPage(next);
        var nameX = Margin;
        Artifact(() =>
        {
            if (logo is not null)
            {
                if (!Counting) lock (ImageGate) Page.DrawImage(logo, Margin, Margin - 3, 14, 14);
                nameX += 19;
            }
            Text(provider, smallBold, new XSolidBrush(Brand), new XRect(nameX, Margin, Width, 12), XStringFormats.TopLeft);
            Stroke(new XPen(Brand, 1.5), Margin, Margin + 16, Margin + Width, Margin + 16);
        });
        y = Top;
    }

    /// <summary>"Page n of m" and the title at the foot of the current page, once m is known (the second drawing).</summary>
    private void Footer()
    {
        if (page is null || pageCount is not { } count) return;
        var footerY = A4.Height - Margin;
        Artifact(() =>
        {
            Stroke(new XPen(Rule, 0.75), Margin, footerY - 4, Margin + Width, footerY - 4);
            Text(string.Format(pageOf, document.PageCount, count), small, new XSolidBrush(Muted),
                new XRect(Margin, footerY, Width, 12), XStringFormats.TopRight);
            Text(title, small, new XSolidBrush(Muted), new XRect(Margin, footerY, Width - 90, 12), XStringFormats.TopLeft);
        });
    }

    /// <summary>Greedy word wrap; a word wider than the line (a hash, a URL, a user agent) is cut between characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        // Both drawings wrap the same texts the same way (and a table row is wrapped to size it, then to draw it):
        // measured once.
        if (wrapped.TryGetValue((text, font, width), out var known)) return known;
        var lines = wrapped[(text, font, width)] = [];
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate, font, width)) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (!Fits(line, font, width) && line.Length > 1)
                {
                    // The longest prefix that fits, by bisection: a 10,000-character token costs a few dozen measurements a line.
                    int shortest = 1, longest = line.Length - 1;
                    while (shortest < longest)
                    {
                        var middle = (shortest + longest + 1) / 2;
                        if (Fits(line[..middle], font, width)) shortest = middle; else longest = middle - 1;
                    }
                    lines.Add(line[..shortest]);
                    line = line[shortest..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private bool Fits(string text, XFont font, double width) => Page.MeasureString(text, font).Width <= width;
}

/// <param name="Width">Relative to the other columns.</param>
public sealed record PdfColumn(string Header, double Width = 1, bool AlignRight = false);
