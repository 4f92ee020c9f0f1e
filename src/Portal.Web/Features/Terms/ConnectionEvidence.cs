using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Features.Terms;

/// <summary>
/// The IP address and user agent of the browser as the server saw them (DOMAIN: an acceptance
/// record holds both). Captured when the circuit opens, from the connection's own HTTP request:
/// in a Blazor Server circuit there is no request per click.
/// </summary>
public sealed class ConnectionEvidence(IHttpContextAccessor http) : CircuitHandler
{
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Capture();
        return Task.CompletedTask;
    }

    /// <summary>Also called on first use, for requests served without a circuit (prerendering, endpoints).</summary>
    public void Capture()
    {
        if (http.HttpContext is not { } context) return;
        IpAddress ??= context.Connection.RemoteIpAddress?.ToString();
        UserAgent ??= context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
    }
}
