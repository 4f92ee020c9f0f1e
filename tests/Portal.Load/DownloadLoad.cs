using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Load;

/// <summary>
/// `downloads`: W parallel clients request documents back to back for a time: invoice PDFs as a ClientAdmin
/// (the numbers read from /invoices), then the staff CSV exports as Support. Reports requests per second,
/// p50/p95 latency and the errors (any status but 200, 429 named as rate limiting).
/// </summary>
public static partial class DownloadLoad
{
    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var site = new PortalSite(PortalSite.LoopbackOnly(o.Text("url", "http://127.0.0.1:5080")), o.Text("password", "Portal-demo-2026!"));
        var workers = o.Number("workers", 8, 1, 200);
        var duration = o.Seconds("duration", 20, 1, 600);
        var clientAdmin = o.Text("client-admin", "admin@acme.test");
        var staff = o.Text("staff", "support@provider.test");
        var pid = o.Pid("server-pid");
        var what = o.Text("what", "pdf,csv").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        o.EnsureAllUsed();
        if (what.Except(["pdf", "csv"]).FirstOrDefault() is { } unknown) throw new UsageException($"--what '{unknown}': pdf and/or csv");

        var failures = 0;
        if (what.Contains("pdf"))
        {
            using var admin = await site.SignInAsync(clientAdmin, workers, ct);
            using var list = await admin.Http.GetAsync("invoices", ct);
            PortalSite.EnsureNotLimited(list, "GET /invoices");
            var numbers = PdfLink().Matches(await list.Content.ReadAsStringAsync(ct)).Select(m => m.Groups[1].Value).Distinct().ToArray();
            if (numbers.Length == 0) throw new LoadException($"no invoice PDF link on /invoices as {clientAdmin}");
            failures += await HammerAsync($"invoice PDFs ({numbers.Length} invoices of {clientAdmin})", admin,
                numbers.Select(n => $"invoices/{n}/pdf").ToArray(), "application/pdf", workers, duration, pid, ct);
        }
        if (what.Contains("csv"))
        {
            using var support = await site.SignInAsync(staff, workers, ct);
            failures += await HammerAsync($"CSV exports as {staff}", support,
                ["staff/acceptances/export.csv", "staff/audit/export.csv"], "text/csv", workers, duration, pid, ct);
        }
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> HammerAsync(string title, Account account, string[] paths, string contentType, int workers,
        TimeSpan duration, int? pid, CancellationToken ct)
    {
        var cpuBefore = ServerMemory.CpuTime(pid);
        Console.WriteLine($"{title}: {workers} parallel clients for {duration.TotalSeconds:0} s; {MachineLoad.Now()}");
        var latencies = new Latencies();
        var errors = new Errors();
        long bytes = 0, next = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var path = paths[Interlocked.Increment(ref next) % paths.Length];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await account.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests) errors.Add("429 Too Many Requests (rate limited)");
                    else if (response.StatusCode != HttpStatusCode.OK) errors.Add($"{(int)response.StatusCode} {response.StatusCode} on {path}");
                    else if (response.Content.Headers.ContentType?.MediaType != contentType) errors.Add($"200 but {response.Content.Headers.ContentType} on {path}");
                    else
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started));
                        Interlocked.Add(ref bytes, body.Length);
                    }
                }
                catch (HttpRequestException e) { errors.Add(e.Message); }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested) { errors.Add("timeout (60 s)"); }
            }
        }, ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {latencies.Count / seconds:0.0} per second, {latencies}, {bytes / Math.Max(1, latencies.Count) / 1024.0:0.0} KB each; {MachineLoad.Now()}");
        if (ServerMemory.CpuTime(pid) - cpuBefore is { } cpu && latencies.Count > 0)
        {
            var perRequest = cpu.TotalMilliseconds / latencies.Count;
            Console.WriteLine($"  server CPU {perRequest:0.0} ms per request: at most {Environment.ProcessorCount * 1000 / perRequest:0} per second " +
                              $"on {Environment.ProcessorCount} idle cores (the server alone, the load tool elsewhere)");
        }
        Console.WriteLine($"  errors: {errors.Total}");
        foreach (var line in errors.Lines()) Console.WriteLine("  " + line);
        return errors.Total;
    }

    [GeneratedRegex("href=\"/invoices/([^/\"]+)/pdf\"")]
    private static partial Regex PdfLink();
}
