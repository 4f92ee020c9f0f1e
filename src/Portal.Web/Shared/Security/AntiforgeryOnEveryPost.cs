using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Shared.Security;

/// <summary>
/// ASVS 4.2.2: every POST carries a valid antiforgery token, or gets 400. UseAntiforgery only records the result for
/// an endpoint that binds no form (sign-out of impersonation did its work without one), so this checks it for every
/// POST endpoint, whatever it binds. The circuit's own transport (/_blazor, a SignalR hub) is not a form post.
/// </summary>
internal sealed class AntiforgeryOnEveryPost(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint() is { } endpoint && !IsCircuitTransport(http, endpoint)
            && !await IsValidAsync(http))
        {
            var T = http.RequestServices.GetRequiredService<IStringLocalizer<UserText>>();
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(T["This form has expired or did not come from Portal. Go back, reload the page and send it again."]);
            return;
        }
        await next(http);
    }

    private async Task<bool> IsValidAsync(HttpContext http)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return false; // a body that is not a readable form holds no token either
        }
    }

    private static bool IsCircuitTransport(HttpContext http, Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HubMetadata>() is not null || http.Request.Path.StartsWithSegments("/_blazor");
}
