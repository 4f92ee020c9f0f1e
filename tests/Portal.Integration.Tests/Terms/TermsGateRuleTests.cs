using System.Security.Claims;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Portal.Domain.People;
using Portal.Web.Features.Terms;
using Portal.Web.Shared;

namespace Portal.Integration.Tests.Terms;

/// <summary>The terms gate's one decision, called directly: who is gated, which requests, and what happens to them.</summary>
public class TermsGateRuleTests
{
    private static ClaimsPrincipal Person(string? role, bool client = true, bool impersonated = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "u") };
        if (role is not null) claims.Add(new(ClaimTypes.Role, role));
        if (client) claims.Add(new(PortalClaims.ClientId, Guid.NewGuid().ToString()));
        if (impersonated) claims.Add(new(PortalClaims.ImpersonatorId, "staff"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static readonly ClaimsPrincipal Admin = Person(Role.ClientAdmin);

    private static Task<TermsGateVerdict> Decide(ClaimsPrincipal user, TermsGateRequest request, bool mustAccept = true) =>
        TermsGateRule.DecideAsync(user, request, () => Task.FromResult(mustAccept));

    [Theory]
    [InlineData("/", true, true, TermsGateVerdict.SendToTerms)]
    [InlineData("/invoices", true, true, TermsGateVerdict.SendToTerms)]
    [InlineData("/invoices/F-2026-0001", true, true, TermsGateVerdict.SendToTerms)]
    [InlineData("/termination", true, true, TermsGateVerdict.SendToTerms)]
    [InlineData("/invoices/F-2026-0001/pdf", false, true, TermsGateVerdict.Refuse)]
    [InlineData("/invoices/all.zip", false, true, TermsGateVerdict.Refuse)]
    [InlineData("/termination/notices/7b0c/pdf", false, true, TermsGateVerdict.Refuse)]
    [InlineData("/termination/exports/7b0c", false, true, TermsGateVerdict.Refuse)]
    [InlineData("/seats", true, false, TermsGateVerdict.Refuse)] // a form posted to a page: nothing to redirect to
    public async Task A_ClientAdmin_who_must_accept_is_sent_to_the_terms_from_a_page_and_refused_anything_else(string path, bool page, bool read,
        TermsGateVerdict verdict) =>
        Assert.Equal(verdict, await Decide(Admin, new TermsGateRequest(path, page, read)));

    [Theory]
    [InlineData("/terms")]
    [InlineData("/Terms")]
    [InlineData("/terms/required")]
    [InlineData("/terms/4f1e/pdf")]
    [InlineData("/acceptances/12/pdf")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Account/Logout")]
    [InlineData("/staff/impersonation/stop")]
    [InlineData("/culture/fr")]
    [InlineData("/_blazor/negotiate")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/css/portal.css")]
    [InlineData("/brand/logo.svg")]
    [InlineData("/favicon.ico")]
    [InlineData("/health/ready")]
    [InlineData("/not-found")]
    public async Task What_a_gated_person_needs_to_accept_sign_in_or_leave_stays_open_without_reading_the_standing(string path)
    {
        var asked = false;
        var verdict = await TermsGateRule.DecideAsync(Admin, new TermsGateRequest(path, IsPage: false, IsRead: true),
            () => { asked = true; return Task.FromResult(true); });

        Assert.Equal(TermsGateVerdict.Pass, verdict);
        Assert.False(asked);
    }

    [Theory]
    [InlineData("/termsheet")]
    [InlineData("/termination")]
    [InlineData("/staff/impersonationx")]
    [InlineData("/invoices/all.zip")]
    [InlineData("/staff/audit/export.csv")]
    public void Only_whole_segments_open_a_path(string path) => Assert.False(TermsGateRule.IsOpen(path));

    [Fact]
    public async Task Staff_ClientUsers_and_anonymous_visitors_are_never_gated_and_their_standing_is_not_read()
    {
        var asked = false;
        foreach (var user in new[] { Person(Role.AccountManager, client: false), Person(Role.ProviderAdmin, client: false),
                     Person(Role.Support, client: false), Person(Role.ClientUser), new ClaimsPrincipal(new ClaimsIdentity()) })
            Assert.Equal(TermsGateVerdict.Pass, await TermsGateRule.DecideAsync(user, new TermsGateRequest("/invoices/all.zip", false, true),
                () => { asked = true; return Task.FromResult(true); }));
        Assert.False(asked);
    }

    [Fact]
    public async Task Staff_acting_as_a_ClientAdmin_are_gated_as_the_administrator_is()
    {
        var acting = Person(Role.ClientAdmin, impersonated: true);

        Assert.Equal(TermsGateVerdict.SendToTerms, await Decide(acting, TermsGateRequest.Navigation("/seats")));
        Assert.Equal(TermsGateVerdict.Refuse, await Decide(acting, new TermsGateRequest("/invoices/all.zip", false, true)));
    }

    [Fact]
    public async Task Once_everything_in_force_is_accepted_everything_passes()
    {
        Assert.Equal(TermsGateVerdict.Pass, await Decide(Admin, TermsGateRequest.Navigation("/seats"), mustAccept: false));
        Assert.Equal(TermsGateVerdict.Pass, await Decide(Admin, new TermsGateRequest("/invoices/all.zip", false, true), mustAccept: false));
    }

    [Fact]
    public void A_request_is_a_page_when_its_endpoint_draws_a_component_and_a_read_when_it_is_a_GET_or_a_HEAD()
    {
        static HttpContext Http(string method, Endpoint? endpoint)
        {
            var http = new DefaultHttpContext();
            http.Request.Method = method;
            http.Request.Path = "/somewhere";
            http.SetEndpoint(endpoint);
            return http;
        }
        var page = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new ComponentTypeMetadata(typeof(TermsPage))), "page");
        var download = new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "download");

        Assert.Equal(new TermsGateRequest("/somewhere", true, true), TermsGateRequest.Of(Http("GET", page)));
        Assert.Equal(new TermsGateRequest("/somewhere", false, true), TermsGateRequest.Of(Http("HEAD", download)));
        Assert.Equal(new TermsGateRequest("/somewhere", true, false), TermsGateRequest.Of(Http("POST", page)));
        Assert.Null(TermsGateRequest.Of(Http("GET", null)));
    }
}
