using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Localization;
using Portal.Domain.Terms;
using Portal.Web.Shared;
using Portal.Web.Shared.Pdf;

namespace Portal.Web.Features.Terms;

/// <summary>A contract document version as a PDF: its text, then its SHA-256 so the copy can be matched to acceptance records.</summary>
public static class DocumentPdf
{
    public static byte[] Render(DocumentVersion version, string provider, IStringLocalizer<UserText> T)
    {
        using var sheet = new PdfSheet(provider, $"{T[DisplayNames.Of(version.Type)]} · {version.Label}", T["Page {0} of {1}"]);
        foreach (var block in Markdown.Parse(version.Content))
            Write(sheet, block);
        sheet.Heading(T["Version"])
            .Field(T["Published"], Culture.Date(DateOnly.FromDateTime(version.PublishedAt.UtcDateTime)))
            .Field(T["Takes effect"], Culture.Date(DateOnly.FromDateTime(version.EffectiveAt.UtcDateTime)))
            .Hash(T["Content SHA-256"], version.ContentSha256);
        return sheet.ToArray();
    }

    public static string FileName(DocumentVersion version) => $"{version.Type}-{version.Label}.pdf";

    private static void Write(PdfSheet sheet, Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                sheet.Heading(TextOf(heading.Inline));
                break;
            case ParagraphBlock paragraph:
                sheet.Paragraph(TextOf(paragraph.Inline));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                    sheet.Paragraph("• " + string.Join(" ", item.OfType<ParagraphBlock>().Select(p => TextOf(p.Inline))));
                break;
            case ContainerBlock container: // quotes, tables: their text, in order
                foreach (var child in container) Write(sheet, child);
                break;
        }
    }

    private static string TextOf(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var node in inline?.Descendants<Inline>() ?? [])
            switch (node)
            {
                case LiteralInline literal: text.Append(literal.Content); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
            }
        return text.ToString();
    }
}
