using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Shared;

namespace Portal.Web.Data;

public static class DataRegistration
{
    private const string ConnectionSetting = "ConnectionStrings:Portal";

    /// <summary>PortalDb on SQLite (a file under data/ by default), data-protection keys in it, and its health check.</summary>
    public static void AddPortalData(this WebApplicationBuilder builder)
    {
        var connectionString = SqliteConnection(builder.Configuration.GetConnectionString("Portal"));
        builder.Services.AddDbContextFactory<PortalDb>(o => o.UseSqlite(connectionString));

        // Identity's stores and the data-protection key ring take a PortalDb from the request scope:
        // they work for the portal itself, across Clients.
        builder.Services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
            db.Actor = Actor.System;
            db.Clock = sp.GetRequiredService<TimeProvider>();
            return db;
        });
        builder.Services.AddScoped<PortalData>();
        builder.Services.AddHttpContextAccessor();

        // Keys in the database so sign-in cookies survive restarts and work on every instance.
        builder.Services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDb>();
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDb>("database");
    }

    /// <summary>A relative SQLite path is taken from the working directory, and its folder is created.</summary>
    private static string SqliteConnection(string? configured)
    {
        var csb = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/portal.db");
        if (csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
            csb.DataSource = Path.GetFullPath(csb.DataSource);
        return csb.ToString();
    }

    /// <summary>
    /// Applies the committed migrations and, when asked, writes the demo data. Returns false, after
    /// logging what to change, when the database cannot be opened or written.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Database");
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await using var db = await factory.OpenAsSystemAsync(clock);
        var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        try
        {
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            await db.Database.MigrateAsync();
            // Without statistics SQLite can pick a poor index for combined filters (the acceptance review
            // benchmark: 25 ms instead of 1 ms at 100,000 records). A bounded ANALYZE costs milliseconds.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE;");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or SqliteException)
        {
            log.LogCritical(
                "Portal cannot write its database at {Path}: {Reason}. Point the setting {Setting} in appsettings.json " +
                "(or the environment variable ConnectionStrings__Portal) at a writable file, e.g. \"Data Source=/var/lib/portal/portal.db\".",
                path, e.Message, ConnectionSetting);
            return false;
        }
        log.LogInformation("Database ready at {Path}", path);

        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (options.SeedDemoData && app.Environment.IsProduction())
            log.LogWarning("Portal:SeedDemoData is ignored in Production: demo accounts have a published password.");
        else if (options.SeedDemoData)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().WriteIfEmptyAsync();
        }
        return true;
    }
}
