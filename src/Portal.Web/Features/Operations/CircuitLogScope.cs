using System.Collections;
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
            using (log.BeginScope(new Scope(context.Circuit.Id)))
                await next(context);
        };

    /// <summary>Written by the JSON console as {"Message":"CircuitId:…","CircuitId":"…"}, as ASP.NET Core's own scopes are.</summary>
    private sealed class Scope(string circuitId) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("CircuitId", circuitId) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CircuitId:{circuitId}";
    }
}
