using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Operations;

/// <summary>
/// `Portal.Web backup &lt;file&gt;` and `Portal.Web restore &lt;file&gt;` (with `dotnet run --project src/Portal.Web --`):
/// run instead of the web host, on the database the settings name, and exit 0 when done, 1 when refused, 2 on bad usage.
/// </summary>
public static class PortalCommands
{
    public static bool Handles(string[] args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(string[] args)
    {
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
}
