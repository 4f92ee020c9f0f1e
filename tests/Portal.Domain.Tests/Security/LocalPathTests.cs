using Portal.Domain.Security;

namespace Portal.Domain.Tests.Security;

public sealed class LocalPathTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/invoices")]
    [InlineData("/invoices/INV-000001?tab=lines#top")]
    [InlineData("/staff/clients/C-0001")]
    [InlineData("/termes/%C3%A9t%C3%A9")]
    public void A_path_on_this_site_is_kept(string url) => Assert.Equal(url, LocalPath.OrRoot(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/\\x")]
    [InlineData("/a\\b")]
    [InlineData("/\tx")]
    [InlineData("/x\r\nSet-Cookie: a=b")]
    [InlineData("/x\0")]
    [InlineData("/\u202Ex")]
    [InlineData("invoices")]
    [InlineData("javascript:alert(1)")]
    [InlineData("~/x")]
    public void Anything_else_is_the_root(string? url)
    {
        Assert.False(LocalPath.IsLocal(url));
        Assert.Equal("/", LocalPath.OrRoot(url));
    }
}
