using System.Security.Claims;
using Microsoft.AspNetCore.Components.Endpoints;
using Portal.Domain.People;
using Portal.Web.Shared;
using Portal.Web.Shared.Access;

namespace Portal.Web.Features.Terms;

public enum TermsGateVerdict { Pass, SendToTerms, Refuse }

/// <summary>What the gate is asked about: a path, whether it draws a page, whether it only reads (GET or HEAD).</summary>
public sealed record TermsGateRequest(string Path, bool IsPage, bool IsRead)
{
    /// <summary>An HTTP request; null without an endpoint (a 404: nothing to keep closed).</summary>
    public static TermsGateRequest? Of(HttpContext http) =>
        http.GetEndpoint() is { } endpoint
            ? new(http.Request.Path.Value ?? "/", endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null,
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            : null;

    /// <summary>A navigation inside a live circuit: it never passes through the middleware, and it always goes to a page.</summary>
    public static TermsGateRequest Navigation(string path) => new(path, IsPage: true, IsRead: true);
}

/// <summary>
/// DOMAIN "Contract documents and acceptance": before using the portal, a ClientAdmin accepts every document version in
/// force that the Client has not accepted. The one decision, asked by the middleware for every request
/// (<see cref="TermsGate"/>) and by the layout for every navigation of a live circuit (<see cref="TermsGateNavigation"/>):
/// a page is sent to /terms, anything else (a PDF, a ZIP, a CSV, an export) is refused.
/// </summary>
public static class TermsGateRule
{
    public const string TermsPage = "/terms";

    /// <summary>
    /// Who is gated: a Client's administrator, also while Provider staff act as them (they are sent to /terms like the
    /// administrator, and cannot accept there: DOMAIN "Impersonation"). A ClientUser reads the terms in force and accepts
    /// nothing, so nothing waits on them; Provider staff accept nothing either.
    /// </summary>
    public static bool AppliesTo(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && PortalClaims.ClientIdOf(user) is not null && user.IsInRole(Role.ClientAdmin);

    /// <summary>
    /// What stays open to a gated person: the documents themselves (/terms, their PDFs, the certificates of what the Client
    /// accepted, which /terms lists), the account (sign-in, sign-out, password, 2FA), the way out of impersonation, the
    /// language, the circuit, static files, health checks and the error pages.
    /// </summary>
    public static bool IsOpen(string path)
    {
        var p = new PathString(path.StartsWith('/') ? path : "/" + path);
        return OpenSegments.Any(s => p.StartsWithSegments(s, StringComparison.OrdinalIgnoreCase)) || StaticFiles.Requested(p);
    }

    private static readonly string[] OpenSegments =
    [
        TermsPage, "/acceptances", "/Account", "/staff/impersonation", "/culture", "/_blazor", "/health", "/Error", "/not-found",
    ];

    /// <param name="mustAccept">Asked only when the answer matters: the standing is two queries.</param>
    public static async Task<TermsGateVerdict> DecideAsync(ClaimsPrincipal user, TermsGateRequest request, Func<Task<bool>> mustAccept)
    {
        if (!AppliesTo(user) || IsOpen(request.Path) || !await mustAccept()) return TermsGateVerdict.Pass;
        return request.IsPage && request.IsRead ? TermsGateVerdict.SendToTerms : TermsGateVerdict.Refuse;
    }
}
