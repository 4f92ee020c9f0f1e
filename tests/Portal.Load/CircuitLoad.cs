using System.Diagnostics;

namespace Portal.Load;

/// <summary>
/// `circuits`: N signed-in ClientAdmins, each with an interactive circuit opened on the dashboard, then clicking
/// through the dashboard, invoices and seats (client-side navigations) with a think time between clicks.
/// Measures the time to open a circuit, each click's latency, the errors, and the server's resident memory
/// per circuit (before opening, after opening and a settle time with every circuit idle).
/// </summary>
public static class CircuitLoad
{
    private static readonly string[] Tour = ["/invoices", "/seats", "/", "/invoices", "/"];

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var site = new PortalSite(PortalSite.LoopbackOnly(o.Text("url", "http://127.0.0.1:5080")), o.Text("password", "Portal-demo-2026!"));
        var emails = o.Text("accounts", "admin@acme.test,admin@globex.test").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var count = o.Number("circuits", 10, 1, 1000);
        var openParallel = o.Number("open-parallel", 10, 1, 100);
        var duration = o.Seconds("duration", 60, 0, 600);
        var think = o.Seconds("think", 5, 0.1, 60);
        var settle = o.Seconds("settle", 15, 0, 300);
        var quiet = o.Seconds("quiet", 0.2, 0.05, 5);
        var timeout = o.Seconds("timeout", 30, 1, 120);
        var pid = o.Pid("server-pid");
        var cookieHeader = o.Text("cookies", "");
        o.EnsureAllUsed();
        if (emails.Length == 0) throw new UsageException("--accounts is empty");

        if (cookieHeader != "") emails = ["(the given cookies)"];
        Console.WriteLine($"circuits: {count} on {site.BaseUri} as {string.Join(", ", emails)} (shared sign-ins), " +
                          $"clicks for {duration.TotalSeconds:0} s every ~{think.TotalSeconds:0.#} s each; {MachineLoad.Now()}");
        var accounts = new List<Account>();
        if (cookieHeader != "") accounts.Add(site.FromCookies(cookieHeader, openParallel + 4));
        else foreach (var email in emails) accounts.Add(await site.SignInAsync(email, openParallel + 4, ct));

        // Warm the server (JIT, EF model, caches) with one circuit, then take the memory baseline.
        await using (var warm = await BlazorCircuit.OpenAsync(site.BaseUri, accounts[0], await accounts[0].LoadPageAsync("/", ct), quiet, timeout, ct))
            foreach (var path in Tour) await warm.NavigateAsync(path, quiet, timeout, ct);
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(settle.TotalSeconds, 5)), ct);
        var before = ServerMemory.ResidentBytes(pid);

        var errors = new Errors();
        var opening = new Latencies();
        var circuits = new BlazorCircuit?[count];
        var started = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = openParallel, CancellationToken = ct }, async (i, token) =>
        {
            var account = accounts[i % accounts.Count];
            var clock = Stopwatch.StartNew();
            try
            {
                var page = await account.LoadPageAsync("/", token);
                circuits[i] = await BlazorCircuit.OpenAsync(site.BaseUri, account, page, quiet, timeout, token);
                opening.Add(clock.Elapsed);
            }
            catch (LoadException e) { errors.Add($"open: {e.Message}"); }
            catch (HttpRequestException e) { errors.Add($"open: {e.Message}"); }
            // HttpClient's own timeout, not the run being stopped: an error to count, not a reason to crash.
            catch (TaskCanceledException) when (!token.IsCancellationRequested) { errors.Add("open: the page load timed out"); }
        });
        var open = circuits.Count(c => c is not null);
        Console.WriteLine($"opened {open}/{count} circuits in {started.Elapsed.TotalSeconds:0.0} s (page load + circuit + first render: {opening}); {MachineLoad.Now()}");

        await Task.Delay(settle, ct);
        var after = ServerMemory.ResidentBytes(pid);
        if (pid is not null)
            Console.WriteLine($"server RSS before {ServerMemory.Mb(before)}, with {open} idle circuits after {settle.TotalSeconds:0} s {ServerMemory.Mb(after)}: " +
                              $"{(open == 0 ? "n/a" : $"{(after - before) / 1024.0 / open:0} KB per circuit")}; {MachineLoad.Now()}");

        var cpuBefore = ServerMemory.CpuTime(pid);
        var toolCpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var firstRender = new Latencies();
        var settled = new Latencies();
        var reported = new bool[count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);
        await Task.WhenAll(circuits.Select((c, i) => c is null ? Task.CompletedTask : Task.Run(async () =>
        {
            var random = new Random(i);
            var step = i % Tour.Length;
            while (!stop.IsCancellationRequested && c.Failure is null)
            {
                try
                {
                    // Spread the users over the think time, as real ones are: 0.5 to 1.5 times it.
                    await Task.Delay(think * (0.5 + random.NextDouble()), stop.Token);
                    var (first, last) = await c.NavigateAsync(Tour[step++ % Tour.Length], quiet, timeout, ct);
                    firstRender.Add(first);
                    settled.Add(last);
                }
                catch (OperationCanceledException) { break; }
                catch (LoadException e) { errors.Add($"click: {e.Message}"); reported[i] = true; break; }
            }
        }, ct)));
        var toolCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - toolCpuBefore;
        var failed = circuits.Count(c => c?.Failure is not null);
        // A circuit that failed while idle (or between clicks) is an error too, once.
        for (var i = 0; i < count; i++)
            if (circuits[i]?.Failure is { } failure && !reported[i]) errors.Add($"circuit: {failure}");

        Console.WriteLine($"clicks: first render {firstRender}");
        Console.WriteLine($"clicks: settled      {settled}");
        if (ServerMemory.CpuTime(pid) - cpuBefore is { } cpu && settled.Count > 0)
            Console.WriteLine($"server CPU during the clicks: {cpu.TotalSeconds:0.0} s for {settled.Count} clicks over {duration.TotalSeconds:0} s " +
                              $"({cpu.TotalMilliseconds / settled.Count:0.0} ms per click, {cpu.TotalSeconds / duration.TotalSeconds * 100:0}% of one core)");
        Console.WriteLine($"load tool CPU during the clicks: {toolCpu.TotalSeconds:0.0} s ({toolCpu.TotalSeconds / duration.TotalSeconds * 100:0}% of one core, on the same machine)");
        Console.WriteLine($"circuits alive at the end: {open - failed}/{count}; {MachineLoad.Now()}");
        Console.WriteLine($"errors: {errors.Total}");
        foreach (var line in errors.Lines()) Console.WriteLine(line);

        await Task.WhenAll(circuits.Where(c => c is not null).Select(c => c!.DisposeAsync().AsTask()));
        foreach (var account in accounts) account.Dispose();
        return errors.Total == 0 && open == count ? 0 : 1;
    }
}
