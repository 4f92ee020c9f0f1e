using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Features.Terms;

/// <summary>
/// The terms gate on every request (<see cref="TermsGateRule"/> decides): a gated page is redirected to /terms; a gated
/// download is refused with 403 and the page that says why (<see cref="TermsRequiredPage"/>), so a bookmarked invoice PDF
/// or archive is not served before the Client accepts. Runs after the impersonation gate, which may end the session first.
/// </summary>
public sealed class TermsGate(RequestDelegate next)
{
    private Endpoint? refusalPage;

    public async Task InvokeAsync(HttpContext http)
    {
        // A status or error page drawn again for this request shows as it is.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null
            || TermsGateRequest.Of(http) is not { } request)
        {
            await next(http);
            return;
        }
        var standing = http.RequestServices.GetRequiredService<TermsStanding>();
        switch (await TermsGateRule.DecideAsync(http.User, request, () => standing.MustAcceptAsync(http.RequestAborted)))
        {
            case TermsGateVerdict.SendToTerms:
                http.Response.Redirect(TermsGateRule.TermsPage);
                return;
            case TermsGateVerdict.Refuse:
                await RefuseAsync(http, request);
                return;
            default:
                await next(http);
                return;
        }
    }

    private async Task RefuseAsync(HttpContext http, TermsGateRequest request)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!request.IsRead)
        {
            var T = http.RequestServices.GetRequiredService<IStringLocalizer<UserText>>();
            await http.Response.WriteAsync(T["Your company must accept its contract documents first: read and accept them on the Contract documents page."]);
            return;
        }
        // The refusal is a page of the portal, drawn in place of the download (the address stays the one asked for).
        refusalPage ??= http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(TermsRequiredPage));
        var (path, endpoint) = (http.Request.Path, http.GetEndpoint());
        http.Request.Path = TermsRequiredPage.Route;
        http.Request.RouteValues.Clear();
        http.SetEndpoint(refusalPage);
        try
        {
            await next(http);
        }
        finally
        {
            http.Request.Path = path;
            http.SetEndpoint(endpoint);
        }
    }
}
