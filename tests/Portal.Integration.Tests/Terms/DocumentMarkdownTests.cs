using Portal.Web.Features.Terms;

namespace Portal.Integration.Tests.Terms;

public class DocumentMarkdownTests
{
    [Fact]
    public void Markdown_becomes_headings_paragraphs_and_lists()
    {
        var html = DocumentMarkdown.ToHtml("# Terms\n\n## 1. Purpose\nThe **service**.\n\n- one\n- two");

        Assert.Contains(">Terms</h1>", html);
        Assert.Contains(">1. Purpose</h2>", html);
        Assert.Contains("The <strong>service</strong>.", html);
        Assert.Contains("<li>one</li>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Text <b onclick=\"alert(1)\">bold</b>")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = DocumentMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b ", html);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    public void Links_to_script_lose_their_target(string markdown)
    {
        var html = DocumentMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
    }

    [Theory]
    [InlineData("[site](https://provider.example/terms)", "href=\"https://provider.example/terms\"")]
    [InlineData("[mail](mailto:legal@provider.example)", "href=\"mailto:legal@provider.example\"")]
    [InlineData("[clause 5](#5-support)", "href=\"#5-support\"")]
    [InlineData("[terms](/terms)", "href=\"/terms\"")]
    public void Ordinary_links_are_kept(string markdown, string expected)
    {
        Assert.Contains(expected, DocumentMarkdown.ToHtml(markdown));
    }

    [Fact]
    public void Attribute_syntax_is_not_an_extension_so_no_handler_can_be_added()
    {
        var html = DocumentMarkdown.ToHtml("# Title {onclick=\"alert(1)\"}");

        Assert.DoesNotContain("onclick=\"", html);
    }
}
