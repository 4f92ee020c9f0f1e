using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Portal.Load;

/// <summary>Latencies in milliseconds, summarised as count, p50, p95 and max.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> samples = [];

    public void Add(TimeSpan elapsed) => samples.Add(elapsed.TotalMilliseconds);
    public int Count => samples.Count;

    public double Percentile(double p)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1; // nearest-rank
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public override string ToString() => Count == 0
        ? "no sample"
        : $"n={Count} p50={Percentile(50):0.0} ms p95={Percentile(95):0.0} ms max={Percentile(100):0.0} ms";
}

/// <summary>Errors of a run, counted by kind, with the first example of each.</summary>
public sealed class Errors
{
    private readonly ConcurrentDictionary<string, int> counts = new();

    public void Add(string kind) => counts.AddOrUpdate(Shorten(kind), 1, (_, n) => n + 1);
    public int Total => counts.Values.Sum();

    public IEnumerable<string> Lines() => counts.OrderByDescending(c => c.Value).Select(c => $"  {c.Value} x {c.Key}");

    // Ids and numbers vary between occurrences of one error: fold them so a kind is counted once.
    private static string Shorten(string kind) => Regex.Replace(kind.Length > 300 ? kind[..300] : kind, @"\b[0-9a-f]{8,}\b", "…");
}

/// <summary>The resident memory of the portal's process, read from /proc (Linux).</summary>
public static class ServerMemory
{
    public static long? ResidentBytes(int? pid)
    {
        if (pid is null) return null;
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path)) throw new UsageException($"--server-pid {pid}: no such process ({path} missing).");
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(Regex.Match(line, @"\d+").Value) * 1024;
    }

    /// <summary>
    /// CPU time the process has used (user + system), from /proc/PID/stat. Per request it says what a figure
    /// would be on an idle machine, where the wall-clock rates of a machine shared with builds do not.
    /// </summary>
    public static TimeSpan? CpuTime(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat")) return null;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 onwards
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14 and 15)
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    public static string Mb(long? bytes) => bytes is null ? "n/a" : $"{bytes / 1048576.0:0.0} MB";
}

/// <summary>The machine's load averages (1, 5, 15 min), to say how busy the machine was during a figure.</summary>
public static class MachineLoad
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average n/a";
}
