using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Web.Features.Terms;

/// <summary>
/// A document's Markdown as HTML that is safe to show with MarkupString: raw HTML in the text is
/// written out as text (DisableHtml), and links or images to anything but http(s), mailto, an anchor
/// or a relative address lose their target, so an author's text never runs script in a reader's page.
/// Blocks carry MudBlazor's typography classes, as the portal's own text does.
/// </summary>
public static class DocumentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafe(link.Url)) link.Url = "";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!link.IsEmail && !IsSafe(link.Url)) link.Url = "";
        foreach (var block in document.Descendants<Block>())
            if (ClassOf(block) is { } css) block.GetAttributes().AddClass(css);
        return document.ToHtml(Pipeline);
    }

    private static string? ClassOf(Block block) => block switch
    {
        HeadingBlock { Level: 1 } => "mud-typography mud-typography-h5 mt-2 mb-3",
        HeadingBlock { Level: 2 } => "mud-typography mud-typography-h6 mt-4 mb-2",
        HeadingBlock => "mud-typography mud-typography-subtitle1 mt-3 mb-1",
        ParagraphBlock { Parent: ListItemBlock } => "mud-typography mud-typography-body1",
        ParagraphBlock => "mud-typography mud-typography-body1 mb-3",
        ListBlock => "mud-typography mud-typography-body1 pl-6 mb-3",
        QuoteBlock => "pl-4 mb-3",
        Table => "mb-3",
        _ => null,
    };

    // A relative address or an anchor has no scheme; anything with one ("java\tscript:" too) must be one we trust.
    private static bool IsSafe(string? url)
    {
        var text = url?.Trim() ?? "";
        var colon = text.IndexOf(':');
        var pathStart = text.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon)) return true;
        return text[..colon].ToLowerInvariant() is "http" or "https" or "mailto";
    }
}
