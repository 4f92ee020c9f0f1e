using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Load;

/// <summary>
/// One interactive Blazor Server circuit, driven the way blazor.web.js drives it (.NET 8+ Web App sequence):
/// StartCircuit with no components, then UpdateRootComponents with the page's prerendered markers as "add"
/// operations; every render batch is acknowledged (OnRenderCompleted) and every JS interop call answered
/// (EndInvokeJSFromDotNet), as a browser that has no DOM but says yes. A "click" is a client-side navigation
/// (OnLocationChanged, intercepted like a link), timed to the first render batch it causes and to the last
/// one before the circuit falls quiet.
/// </summary>
public sealed class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection hub;
    private readonly Uri baseUri;
    private readonly Lock gate = new();
    private TaskCompletionSource? nextBatch;
    private long lastBatchTimestamp;
    private long batches;
    private long jsObjectIds;
    private volatile bool closing;

    /// <summary>The first failure the server reported (JS.Error) or the connection's loss; null while healthy.</summary>
    public string? Failure { get; private set; }

    public long Batches => Interlocked.Read(ref batches);

    private BlazorCircuit(Uri baseUri, Account account)
    {
        this.baseUri = baseUri;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), o =>
            {
                o.Cookies = account.Cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        hub = builder.Build();
        // The portal pings every 15 s; a 2-core machine at full load may be late answering.
        hub.ServerTimeout = TimeSpan.FromSeconds(90);
        // The portal drops a client silent for 30 s; ping more often than the default 15 s so a starved load tool is not taken for one.
        hub.KeepAliveInterval = TimeSpan.FromSeconds(8);

        On("JS.RenderBatch", OnRenderBatchAsync);
        On("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        On("JS.Error", args => { Fail($"JS.Error: {args.FirstOrDefault()}"); return Task.CompletedTask; });
        foreach (var ignored in new[] { "JS.EndInvokeDotNet", "JS.AttachComponent", "JS.EndUpdateRootComponents",
                     "JS.ReceiveByteArray", "JS.BeginTransmitStream", "JS.EndLocationChanging" })
            On(ignored, _ => Task.CompletedTask);
        hub.Closed += error =>
        {
            if (!closing) Fail($"connection closed: {error?.Message ?? "by the server"}");
            return Task.CompletedTask;
        };
    }

    /// <summary>Opens a circuit on <paramref name="page"/> and waits for its first render to settle.</summary>
    public static async Task<BlazorCircuit> OpenAsync(Uri baseUri, Account account, PrerenderedPage page, TimeSpan quiet,
        TimeSpan timeout, CancellationToken ct)
    {
        var circuit = new BlazorCircuit(baseUri, account);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            await circuit.hub.StartAsync(limit.Token);
            var pageUri = new Uri(baseUri, page.Path.TrimStart('/')).ToString();
            var first = circuit.ArmNextBatch();
            var secret = await circuit.hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri, "[]",
                page.ApplicationState, limit.Token);
            if (string.IsNullOrEmpty(secret))
                throw new LoadException($"StartCircuit refused{(circuit.Failure is { } f ? $": {f}" : "")}");
            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray(page.Markers.Select((marker, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "add",
                    ["ssrComponentId"] = i,
                    ["marker"] = marker.DeepClone(),
                }).ToArray()),
            };
            await circuit.hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), page.ApplicationState, limit.Token);
            await circuit.WaitAsync(first, quiet, limit.Token, "first render");
            return circuit;
        }
        catch (Exception e) when (e is not LoadException)
        {
            var reason = circuit.Failure ?? (e is OperationCanceledException && !ct.IsCancellationRequested
                ? $"no first render within {timeout.TotalSeconds:0} s" : $"{e.GetType().Name}: {e.Message}");
            await circuit.DisposeAsync();
            throw new LoadException($"circuit did not open: {reason}");
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>A link click: navigates to <paramref name="path"/> inside the circuit; returns (first render, settled).</summary>
    public async Task<(TimeSpan FirstRender, TimeSpan Settled)> NavigateAsync(string path, TimeSpan quiet, TimeSpan timeout,
        CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        var first = ArmNextBatch();
        try
        {
            await hub.SendAsync("OnLocationChanged", new Uri(baseUri, path.TrimStart('/')).ToString(), null, true, limit.Token);
            var firstAt = await WaitAsync(first, quiet, limit.Token, $"navigation to {path}");
            return (Stopwatch.GetElapsedTime(started, firstAt), Stopwatch.GetElapsedTime(started, Interlocked.Read(ref lastBatchTimestamp)));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new LoadException(Failure ?? $"navigation to {path}: no render within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not (LoadException or OperationCanceledException))
        {
            throw new LoadException(Failure ?? $"navigation to {path}: {e.GetType().Name}: {e.Message}");
        }
    }

    private Task ArmNextBatch()
    {
        lock (gate)
        {
            nextBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return nextBatch.Task;
        }
    }

    /// <summary>Waits for the armed batch, then for <paramref name="quiet"/> without a batch; returns the first batch's timestamp.</summary>
    private async Task<long> WaitAsync(Task first, TimeSpan quiet, CancellationToken ct, string what)
    {
        await first.WaitAsync(ct);
        var firstAt = Interlocked.Read(ref lastBatchTimestamp);
        while (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastBatchTimestamp)) < quiet)
        {
            if (Failure is { } failure) throw new LoadException($"{what}: {failure}");
            await Task.Delay(quiet / 4, ct);
        }
        if (Failure is { } late) throw new LoadException($"{what}: {late}");
        return firstAt;
    }

    // PORTAL_LOAD_TRACE=1 prints every batch's size and readable strings and every JS call: to check by eye
    // that a click renders the page it names.
    private static readonly bool Trace = Environment.GetEnvironmentVariable("PORTAL_LOAD_TRACE") == "1";

    private static string Readable(byte[] bytes) => string.Join(" ", System.Text.RegularExpressions.Regex
        .Matches(System.Text.Encoding.UTF8.GetString(bytes), @"[\p{L}\p{N}][\p{L}\p{N} .,:€/-]{5,}").Select(m => m.Value).Take(40));

    private async Task OnRenderBatchAsync(object?[] args)
    {
        var batchId = Convert.ToInt64(args[0]);
        if (Trace && args.Length > 1 && args[1] is byte[] bytes)
            Console.WriteLine($"  batch {batchId}: {bytes.Length} bytes: {Readable(bytes)}");
        Interlocked.Increment(ref batches);
        Interlocked.Exchange(ref lastBatchTimestamp, Stopwatch.GetTimestamp());
        TaskCompletionSource? waiting;
        lock (gate) (waiting, nextBatch) = (nextBatch, null);
        waiting?.TrySetResult();
        await SendQuietlyAsync("OnRenderCompleted", batchId, null);
    }

    /// <summary>
    /// Answers the portal's and MudBlazor's JS calls as a browser would that has run them: void calls succeed,
    /// a call that returns a JS object gets a fresh object reference, anything else a neutral null.
    /// </summary>
    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        var asyncHandle = Convert.ToInt64(args[0]);
        if (Trace) Console.WriteLine($"  JS {args[1]} handle={asyncHandle} args={args.ElementAtOrDefault(2)} resultType={args.ElementAtOrDefault(3)}");
        if (asyncHandle == 0 || closing) return; // a fire-and-forget call wants no answer
        var resultType = args.Length > 3 && args[3] is long t ? t : 0; // 0 JSON, 1 JSObjectReference, 2 JSStreamReference, 3 void
        JsonNode? result = resultType switch
        {
            1 => new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref jsObjectIds) },
            _ => args.ElementAtOrDefault(1) switch
            {
                // Calls whose null answer MudBlazor could not read (a bool, a count, a size): a desktop browser's.
                "window.hasOwnProperty" => true,
                "mudpopoverHelper.countProviders" => 1,
                "mudResizeListener.getBrowserWindowSize" => new JsonObject { ["width"] = 1280, ["height"] = 800 },
                _ => null,
            },
        };
        var answer = new JsonArray(asyncHandle, true, result).ToJsonString();
        await SendQuietlyAsync("EndInvokeJSFromDotNet", asyncHandle, true, answer);
    }

    /// <summary>An answer to the server that cannot be sent means the connection is gone: Closed reports that.</summary>
    private async Task SendQuietlyAsync(string method, object? a, object? b, object? c = null)
    {
        if (closing) return;
        try
        {
            if (method == "OnRenderCompleted") await hub.SendAsync(method, a, b);
            else await hub.SendAsync(method, a, b, c);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException
                                      or System.Net.WebSockets.WebSocketException)
        {
            Fail($"cannot answer the server ({method}): {e.Message}");
        }
    }

    private void On(string method, Func<object?[], Task> handler) =>
        hub.On(method, [typeof(object)], (args, _) => handler(args), this);

    private void Fail(string reason)
    {
        lock (gate)
        {
            Failure ??= reason;
            nextBatch?.TrySetException(new LoadException(reason));
            nextBatch = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        closing = true;
        try { await hub.DisposeAsync(); } catch (Exception) { /* closing anyway */ }
    }
}
