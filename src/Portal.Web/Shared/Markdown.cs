using Markdig;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Shared;

/// <summary>Contract documents are written in Markdown; raw HTML in them is shown as text, never run.</summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static MarkupString ToHtml(string markdown) => new(Markdig.Markdown.ToHtml(markdown, Pipeline));
}
