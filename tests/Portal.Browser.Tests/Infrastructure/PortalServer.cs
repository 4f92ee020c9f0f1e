using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Portal.Browser.Tests.Infrastructure;

/// <summary>
/// Starts the real, built Portal.Web (src/Portal.Web/bin/&lt;Configuration&gt;/net10.0/Portal.Web.dll)
/// on a free loopback port with a fresh SQLite database and demo data, once for the whole
/// browser test collection. Stopped (process tree killed, temp folder deleted) on dispose.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    readonly StringBuilder output = new();
    Process? process;
    string? tempDir;

    public string RepoRoot { get; } = FindRepoRoot();

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Folder the app drops outgoing mail into (Portal__MailPickupFolder).</summary>
    public string MailFolder { get; private set; } = "";

    /// <summary>Everything the app wrote to stdout/stderr so far.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public Uri Url(string path) => new(new Uri(BaseUrl + "/"), path.TrimStart('/'));

    public async Task InitializeAsync()
    {
        var webDll = FindWebDll(RepoRoot);
        var binDir = Path.GetDirectoryName(webDll)!;

        tempDir = Path.Combine(Path.GetTempPath(), "portal-browser-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tempDir);
        MailFolder = Path.Combine(tempDir, "mail");
        Directory.CreateDirectory(MailFolder);

        var port = FreeLoopbackPort();
        BaseUrl = $"http://127.0.0.1:{port}";

        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = binDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        psi.ArgumentList.Add(webDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(BaseUrl);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(tempDir, "portal.db")}";
        psi.Environment["Portal__SeedDemoData"] = "true";
        psi.Environment["Portal__MailPickupFolder"] = MailFolder;
        // Every test signs in again with the same demo accounts from 127.0.0.1: the sign-in limit is for attackers.
        psi.Environment["Portal__RateLimits__SignIn__PermitLimit"] = "100000";
        psi.Environment["Portal__RateLimits__SignInPerAddress__PermitLimit"] = "100000";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        Append($"> {psi.FileName} {string.Join(' ', psi.ArgumentList)}  (cwd {binDir})");
        process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Append(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Append("[stderr] " + e.Data); };
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {psi.FileName} {webDll}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilHealthyAsync();
    }

    async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = Url("/health");
        var watch = Stopwatch.StartNew();
        string last = "no answer yet";
        while (watch.Elapsed < StartupTimeout)
        {
            if (process!.HasExited)
                throw StartupFailure($"Portal.Web exited with code {process.ExitCode} before {health} answered.");
            try
            {
                using var response = await http.GetAsync(health);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.GetType().Name + ": " + e.Message;
            }
            await Task.Delay(250);
        }
        throw StartupFailure($"{health} did not answer 200 within {StartupTimeout.TotalSeconds:0} s (last: {last}).");
    }

    Exception StartupFailure(string message)
    {
        // Give the output readers a moment to drain what the process printed last.
        Thread.Sleep(300);
        return new InvalidOperationException($"{message}\n----- Portal.Web output -----\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                    try { await process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { }
                }
            }
            catch (InvalidOperationException) { /* already gone */ }
            process.Dispose();
            process = null;
        }

        SaveLog();

        if (tempDir is not null)
        {
            for (var attempt = 0; attempt < 5 && Directory.Exists(tempDir); attempt++)
            {
                try { Directory.Delete(tempDir, recursive: true); }
                catch (IOException) { await Task.Delay(200); }
                catch (UnauthorizedAccessException) { await Task.Delay(200); }
            }
            tempDir = null;
        }
    }

    /// <summary>Keeps the server's output for a look after the run: tests/results/Portal.Browser.Tests.server.log.</summary>
    void SaveLog()
    {
        try
        {
            var dir = Path.Combine(RepoRoot, "tests", "results");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "Portal.Browser.Tests.server.log"), Output);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    void Append(string line)
    {
        lock (output) output.AppendLine(line);
    }

    static string DotnetHost()
    {
        // `dotnet test` tells the test host which dotnet it runs under.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No folder holding Portal.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// The web app built in the same configuration as this test assembly (Release under tests/run);
    /// otherwise whichever configuration exists, newest first.
    /// </summary>
    static string FindWebDll(string repoRoot)
    {
        var binRoot = Path.Combine(repoRoot, "src", "Portal.Web", "bin");
        var configuration = typeof(PortalServer).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;

        if (!string.IsNullOrEmpty(configuration))
        {
            var preferred = Path.Combine(binRoot, configuration, "net10.0", "Portal.Web.dll");
            if (File.Exists(preferred))
                return preferred;
        }

        var fallback = Directory.Exists(binRoot)
            ? Directory.GetDirectories(binRoot)
                .Select(d => Path.Combine(d, "net10.0", "Portal.Web.dll"))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;

        return fallback ?? throw new InvalidOperationException(
            $"Portal.Web.dll not found under {binRoot}/<Configuration>/net10.0/ (wanted {configuration ?? "any"}). " +
            "Build the solution first: dotnet build Portal.sln -c Release");
    }
}
