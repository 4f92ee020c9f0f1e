using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Features.Operations;

/// <summary>
/// Everything logged while a Blazor circuit handles a user's event or render carries the circuit's id (its public
/// part, not the reconnection secret), so one user's session is found in the logs as a request is by its RequestId.
/// </summary>
public sealed class CircuitLogScope(ILogger<CircuitLogScope> log) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (log.BeginScope(new[] { new KeyValuePair<string, object>("CircuitId", context.Circuit.Id) }))
                await next(context);
        };
}
