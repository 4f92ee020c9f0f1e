using System.Diagnostics;

namespace Portal.Integration.Tests;

public sealed class StartupTests
{
    /// <summary>Issue #3 "Bad input": an unwritable database path stops start-up with a message naming the path and the setting.</summary>
    [Fact]
    public async Task An_unwritable_database_path_stops_start_up_and_names_the_setting()
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Portal"] = "Data Source=/proc/portal-cannot-write-here/portal.db";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var log = await output + await errors;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("/proc/portal-cannot-write-here/portal.db", log);
        Assert.Contains("ConnectionStrings:Portal", log);
    }
}
