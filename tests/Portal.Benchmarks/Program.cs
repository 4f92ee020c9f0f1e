using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Portal.Benchmarks;

/// <summary>
/// Builds the database once, prints each query's plan, then measures. From the repository:
/// <c>dotnet run -c Release --project tests/Portal.Benchmarks -- --filter '*'</c>
/// Add <c>--analyze</c> to measure with SQLite's statistics (ANALYZE), which the portal does not gather today.
/// </summary>
public static class BenchmarkRun
{
    /// <summary>The database every benchmark reads (they run in this process).</summary>
    public static BenchmarkDatabase Data { get; private set; } = null!;

    public static async Task Main(string[] args)
    {
        var analyze = args.Contains("--analyze");
        Data = await BenchmarkDatabase.CreateAsync(Path.Combine(Path.GetTempPath(), "mail-portal-benchmarks.db"), analyze);
        await QueryPlans.PrintAsync(Data);

        // In process (the data above stays in memory and nothing is rebuilt), short runs: a few minutes in all.
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkRun).Assembly).Run(args.Any(a => a != "--analyze") ? [.. args.Where(a => a != "--analyze")] : ["--filter", "*"], config);
    }
}
