using System.Net;

namespace Portal.Integration.Tests.Security;

/// <summary>ASVS 5.1.5: a redirect parameter that is not a local path sends the browser to "/", never to a 500 or off site.</summary>
[Collection(nameof(PortalCollection))]
public sealed class RedirectTests(PortalFactory portal)
{
    /// <summary>Where the redirect goes on this site ("http://localhost/x" and "/x" alike); an off-site one keeps its host.</summary>
    private static string? Target(HttpResponseMessage response) => response.Headers.Location is { } l
        ? l.IsAbsoluteUri && l.Host == "localhost" ? l.PathAndQuery : l.OriginalString
        : null;

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\x")]
    [InlineData("/\tx")]
    public async Task Sign_in_with_an_off_site_ReturnUrl_goes_home(string returnUrl)
    {
        var browser = portal.Browser();
        var form = PortalFactory.HiddenFields(await browser.GetStringAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        form["Input.Email"] = "support@provider.test";
        form["Input.Password"] = PortalFactory.Password;
        var response = await browser.PostAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Target(response));
    }

    [Fact]
    public async Task Sign_in_with_a_local_ReturnUrl_goes_there()
    {
        var browser = portal.Browser();
        var form = PortalFactory.HiddenFields(await browser.GetStringAsync("/Account/Login?ReturnUrl=%2Fstaff%2Fclients"));
        form["Input.Email"] = "support@provider.test";
        form["Input.Password"] = PortalFactory.Password;
        var response = await browser.PostAsync("/Account/Login?ReturnUrl=%2Fstaff%2Fclients", new FormUrlEncodedContent(form));
        Assert.Equal("/staff/clients", Target(response));
    }

    [Theory]
    [InlineData("/\\x", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\tx", "/")]
    [InlineData("/invoices", "/invoices")]
    public async Task Sign_out_goes_to_a_local_returnUrl_or_home(string returnUrl, string expected)
    {
        var browser = await PortalFactory.SignedInAsync(portal, "admin@acme.test");
        var fields = PortalFactory.TokenOf(await browser.GetStringAsync("/Account/Manage"));
        fields["returnUrl"] = returnUrl;
        var response = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, Target(response));
    }

    [Theory]
    [InlineData("/%09x", "/")]
    [InlineData("/%5Cx", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https%3A%2F%2Fevil.example", "/")]
    [InlineData("/%E2%80%AEx", "/")]
    [InlineData("/invoices", "/invoices")]
    public async Task The_culture_picker_goes_back_to_a_local_page_or_home(string returnUrl, string expected)
    {
        var response = await portal.Browser().GetAsync("/culture/fr?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, Target(response));
    }
}
