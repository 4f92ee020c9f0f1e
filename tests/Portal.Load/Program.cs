using Portal.Load;

// The portal's load tool (see the README, "Capacity (measured)"). Loopback targets only, bounded in count and time.
const string usage = """
    usage: dotnet run -c Release --project tests/Portal.Load -- COMMAND [--option value ...]
      circuits   --url http://127.0.0.1:5080 --circuits 10 (1-1000) --duration 60 (s, 0-600) --think 5 (s between clicks)
                 --server-pid PID (reads its VmRSS) --settle 15 (s idle before the memory reading) --open-parallel 10
                 --accounts admin@acme.test,admin@globex.test --password ... --quiet 0.2 (s without a batch = settled) --timeout 30
                 --cookies 'name=value; ...' (a session signed in elsewhere, instead of --accounts)
      downloads  --url http://127.0.0.1:5080 --workers 8 (1-200) --duration 20 (s, 1-600) --what pdf,csv --server-pid PID (CPU per request)
                 --client-admin admin@acme.test --staff support@provider.test --password ...
    Exit code 0 when no error, 1 when any, 2 on a wrong command line.
    """;

// 500 connections' receive loops and timers on 2 cores: start with enough pool threads that the tool's own
// thread injection (one every half second) never shows up as the portal's latency.
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), Math.Max(64, Environment.ProcessorCount * 8));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    if (args.Length == 0) throw new UsageException("no command");
    var options = new Options(args.Skip(1));
    return args[0] switch
    {
        "circuits" => await CircuitLoad.RunAsync(options, cancel.Token),
        "downloads" => await DownloadLoad.RunAsync(options, cancel.Token),
        _ => throw new UsageException($"unknown command '{args[0]}'"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"portal-load: {e.Message}");
    Console.Error.WriteLine(usage);
    return 2;
}
catch (LoadException e)
{
    Console.Error.WriteLine($"portal-load: {e.Message}");
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"portal-load: cannot reach the portal: {e.Message}");
    return 1;
}
