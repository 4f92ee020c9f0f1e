using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Shared;

namespace Portal.Web.Features.Operations;

/// <summary>
/// `Portal.Web backup &lt;file&gt;` and `Portal.Web restore &lt;file&gt;` (with `dotnet run --project src/Portal.Web --`):
/// and `Portal.Web add-provider-admin &lt;e-mail&gt; [--name "…"]` run instead of the web host, on the database the
/// settings name, and exit 0 when done, 1 when refused, 2 on bad usage.
/// </summary>
public static class PortalCommands
{
    public const string AddProviderAdmin = "add-provider-admin";

    public static bool Handles(string[] args) => args is ["backup" or "restore" or AddProviderAdmin, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == AddProviderAdmin) return await AddProviderAdminAsync(args);
        if (args is not [var verb, var file, .. var settings] || file.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"Usage: Portal.Web {args[0]} <file>   (the database is the one the setting ConnectionStrings:Portal names)");
            return 2;
        }
        // The portal's own settings (appsettings.json, environment, the rest of the command line), and of its services only the database.
        var builder = WebApplication.CreateBuilder(settings);
        builder.Configuration.AddProviderSettingsFile();
        builder.Logging.ClearProviders();
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = false); // the web features are not registered here
        builder.AddPortalData();
        await using var app = builder.Build();

        var backup = new DatabaseBackup(app.Services.GetRequiredService<IDbContextFactory<PortalDb>>());
        var result = verb == "backup" ? await backup.BackupAsync(file) : await backup.RestoreAsync(file);
        await (result.Succeeded ? Console.Out : Console.Error).WriteLineAsync(result.Message);
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>
    /// README "Go live": creates the first ProviderAdmin (or gives a fresh link to an existing one) and prints one
    /// line with the link to choose the password. Portal:PublicUrl must be set: the link starts with it.
    /// </summary>
    private static async Task<int> AddProviderAdminAsync(string[] args)
    {
        string? name = null;
        var rest = args.Skip(2).ToList();
        var at = rest.IndexOf("--name");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count || rest[at + 1].StartsWith("--"))
            {
                await Console.Error.WriteLineAsync($"Usage: Portal.Web {AddProviderAdmin} <e-mail> [--name \"Jane Doe\"]   (--name needs a value)");
                return 2;
            }
            name = rest[at + 1];
            rest.RemoveRange(at, 2);
        }
        if (args is not [_, var email, ..] || email.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"Usage: Portal.Web {AddProviderAdmin} <e-mail> [--name \"Jane Doe\"]   (the link starts with the setting {PublicUrl.Setting})");
            return 2;
        }

        var builder = WebApplication.CreateBuilder([.. rest]);
        builder.Configuration.AddProviderSettingsFile();
        builder.Logging.ClearProviders();
        // Start-up's own messages (a database it cannot reach) on stderr: stdout holds the one line with the link.
        builder.Logging.AddSimpleConsole().AddFilter((category, level) => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = false); // the web features are not registered here
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        builder.AddPortalData();
        builder.Services.AddAccountFeature();
        builder.Services.AddScoped<ProviderAdminLink>();
        await using var app = builder.Build();

        var production = app.Environment.IsProduction();
        if (production && PublicUrl.Problem(app.Configuration[PublicUrl.Setting], requireHttps: true) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }
        if (!await app.PrepareDatabaseAsync()) return 1;
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ProviderAdminLink>().IssueAsync(email, name, via: AddProviderAdmin);
        await (result.Succeeded ? Console.Out : Console.Error).WriteLineAsync(result.Message);
        return result.ExitCode;
    }
}
