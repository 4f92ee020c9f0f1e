using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Integration.Tests;

public sealed class StartupTests
{
    /// <summary>Issue #3 "Bad input": an unwritable database path stops start-up with a message naming the path and the setting.</summary>
    [SqliteOnlyFact("an unwritable database file is SQLite's failure; PostgreSQL's is the unreachable server below")]
    public async Task An_unwritable_database_path_stops_start_up_and_names_the_setting()
    {
        var (exitCode, log) = await StartPortalAsync(new()
        {
            ["ConnectionStrings__Portal"] = "Data Source=/proc/portal-cannot-write-here/portal.db",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("/proc/portal-cannot-write-here/portal.db", log);
        Assert.Contains("ConnectionStrings:Portal", log);
    }

    /// <summary>
    /// Issue #9 "Bad input": a PostgreSQL nobody answers at is retried with back-off (each retry logged, naming the
    /// settings), then start-up stops with exit code 1 instead of crashing in a loop. Needs no server: the port is closed.
    /// </summary>
    [Fact]
    public async Task An_unreachable_PostgreSQL_is_retried_then_stops_start_up_naming_the_settings()
    {
        var closedPort = ClosedLoopbackPort();
        var (exitCode, log) = await StartPortalAsync(new()
        {
            ["Portal__Database"] = "PostgreSQL",
            ["ConnectionStrings__Portal"] = $"Host=127.0.0.1;Port={closedPort};Database=portal;Username=portal;Password=unused;Timeout=5",
            ["Portal__DatabaseStartupWait"] = "00:00:03", // 1 s, 2 s: two retries
        });

        Assert.Equal(1, exitCode);
        Assert.Contains($"127.0.0.1:{closedPort}/portal", log);
        Assert.Contains("ConnectionStrings:Portal", log);
        Assert.Contains("Portal:Database", log);
        Assert.Equal(2, CountOf("trying again in", log));
        Assert.Contains("gave up waiting", log);
    }

    /// <summary>Issue #9 "Security": a key-encryption certificate that cannot be read stops start-up, naming the setting.</summary>
    [Fact]
    public async Task A_key_certificate_that_cannot_be_read_stops_start_up_naming_the_setting()
    {
        var (exitCode, log) = await StartPortalAsync(new()
        {
            ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"portal-cert-{Guid.NewGuid():N}.db")}",
            ["Portal__DataProtection__CertificatePath"] = "/nonexistent/keys.pfx",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("The certificate that encrypts the sign-in keys cannot be used: /nonexistent/keys.pfx", log);
        Assert.Contains("Portal:DataProtection:CertificatePath", log);
    }

    private static int CountOf(string text, string log) => (log.Length - log.Replace(text, "").Length) / text.Length;

    /// <summary>A loopback port that was free a moment ago and on which nothing listens now.</summary>
    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs the built portal as its own process with <paramref name="environment"/>; returns its exit code and everything it logged.</summary>
    private static async Task<(int ExitCode, string Log)> StartPortalAsync(Dictionary<string, string> environment)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
