using System.Globalization;

namespace Portal.Load;

/// <summary>The command line: `--name value` pairs after the command, every number bounded.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Options(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected '{name}': options are --name value");
            if (!e.MoveNext()) throw new UsageException($"{name} needs a value");
            values[name[2..]] = e.Current;
        }
    }

    public string Text(string name, string fallback) => values.Remove(name, out var v) ? v : fallback;

    public int Number(string name, int fallback, int min, int max)
    {
        if (!values.Remove(name, out var v)) return fallback;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new UsageException($"--{name} '{v}' must be a whole number from {min} to {max}");
        return n;
    }

    public TimeSpan Seconds(string name, double fallback, double min, double max)
    {
        if (!values.Remove(name, out var v)) return TimeSpan.FromSeconds(fallback);
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s < min || s > max)
            throw new UsageException($"--{name} '{v}' must be a number of seconds from {min} to {max}");
        return TimeSpan.FromSeconds(s);
    }

    public int? Pid(string name)
    {
        if (!values.Remove(name, out var v)) return null;
        if (!int.TryParse(v, out var pid) || pid <= 0) throw new UsageException($"--{name} '{v}' is not a process id");
        return pid;
    }

    /// <summary>Call after reading every option: a misspelt one is an error, not silently ignored.</summary>
    public void EnsureAllUsed()
    {
        if (values.Count > 0) throw new UsageException($"unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}");
    }
}
