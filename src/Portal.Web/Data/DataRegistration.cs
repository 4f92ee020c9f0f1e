using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Web.Shared;

namespace Portal.Web.Data;

public static class DataRegistration
{
    private const string ConnectionSetting = PortalDbOptions.ConnectionSetting;

    /// <summary>
    /// PortalDb on the database Portal:Database names (SQLite, a file under data/ by default, or PostgreSQL),
    /// data-protection keys in it, and its health check.
    /// </summary>
    public static void AddPortalData(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue(PortalDbOptions.ProviderSetting, DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Portal") ?? PortalDbOptions.DefaultSqliteConnection;
        builder.Services.AddDbContextFactory<PortalDb>(o => o.UsePortalDatabase(provider, connectionString));

        // Identity's stores and the data-protection key ring take a PortalDb from the request scope:
        // they work for the portal itself, across Clients.
        builder.Services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
            db.Actor = Actor.System;
            db.Clock = sp.GetRequiredService<TimeProvider>();
            return db;
        });
        builder.Services.AddScoped<PersonDatabase>();
        builder.Services.AddScoped<DemoData>();
        builder.Services.AddHttpContextAccessor();

        // Keys in the database so sign-in cookies survive restarts and work on every instance. Whoever reads the
        // database could forge a sign-in with them: in production they are encrypted with a certificate every
        // instance has (Portal:DataProtection:CertificatePath), so the database alone is not enough.
        var keys = builder.Services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDb>();
        if (KeyCertificate(builder.Configuration) is { } certificate) keys.ProtectKeysWithCertificate(certificate);
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDb>("database");
    }

    public const string KeyCertificateSetting = "Portal:DataProtection:CertificatePath";
    public const string KeyCertificatePasswordSetting = "Portal:DataProtection:CertificatePassword";

    /// <summary>The PFX that encrypts the data-protection keys, when one is set; a clear refusal when it cannot be used.</summary>
    private static X509Certificate2? KeyCertificate(IConfiguration configuration)
    {
        if (configuration[KeyCertificateSetting] is not { Length: > 0 } path) return null;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[KeyCertificatePasswordSetting]);
            if (certificate.HasPrivateKey) return certificate;
            throw new CryptographicException("it holds no private key, which reading the keys back needs");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The certificate that encrypts the sign-in keys cannot be used: {path} ({e.Message}). Check the setting " +
                $"{KeyCertificateSetting} (a PKCS#12 file with its private key) and its password {KeyCertificatePasswordSetting}.", e);
        }
    }

    /// <summary>
    /// Applies the committed migrations and, when asked, writes the demo data. Returns false, after
    /// logging what to change, when the database cannot be reached, opened or written.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Database");
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        await using (var db = await factory.OpenAsSystemAsync(clock))
        {
            var ready = db.Database.IsNpgsql()
                ? await PreparePostgreSqlAsync(db, StartupBackoff.For(options.DatabaseStartupWait), log)
                : await PrepareSqliteAsync(db, log);
            if (!ready) return false;
        }

        // Every database has the five roles, demo data or not: the first ProviderAdmin needs one.
        await using (var scope = app.Services.CreateAsyncScope())
            await IdentityRoles.EnsureAsync(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>(),
                scope.ServiceProvider.GetRequiredService<PortalDb>());

        if (options.SeedDemoData && app.Environment.IsProduction())
            log.LogWarning("Portal:SeedDemoData is ignored in Production: demo accounts have a published password.");
        else if (options.SeedDemoData)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().WriteIfEmptyAsync();
        }
        return true;
    }

    private static async Task<bool> PrepareSqliteAsync(PortalDb db, ILogger log)
    {
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
        return true;
    }

    /// <summary>
    /// Waits for the server with back-off (it may start after the portal), then migrates. A server that answers but
    /// refuses (wrong password, no such database) is not waited for: the setting needs changing.
    /// </summary>
    private static async Task<bool> PreparePostgreSqlAsync(PortalDb db, StartupBackoff backoff, ILogger log)
    {
        string server;
        try
        {
            var csb = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            server = $"{csb.Host}:{csb.Port}/{csb.Database}";
        }
        catch (ArgumentException e)
        {
            log.LogCritical(
                "The setting {Setting} is not a PostgreSQL connection string ({Reason}), but {ProviderSetting} is PostgreSQL. " +
                "Set it to e.g. \"Host=db.example;Database=portal;Username=portal;Password=...\", or set {ProviderSetting} to Sqlite.",
                ConnectionSetting, e.Message, PortalDbOptions.ProviderSetting, PortalDbOptions.ProviderSetting);
            return false;
        }

        using var delays = backoff.Delays().GetEnumerator();
        while (true)
        {
            try
            {
                // Npgsql itself, not EF's execution strategy, which would wrap the error in its own exception.
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await connection.CloseAsync();
                break;
            }
            // Starting up, or out of connections for now: worth waiting for, like a server not up yet.
            catch (PostgresException e) when (e.SqlState is not (PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections))
            {
                log.LogCritical(
                    "PostgreSQL at {Server} refused Portal: {Reason}. Check the user, password and database in the setting {Setting} " +
                    "(environment variable ConnectionStrings__Portal); {ProviderSetting} is PostgreSQL.",
                    server, e.MessageText, ConnectionSetting, PortalDbOptions.ProviderSetting);
                return false;
            }
            catch (NpgsqlException e)
            {
                if (!delays.MoveNext())
                {
                    log.LogCritical(
                        "Portal cannot reach its PostgreSQL database at {Server} ({Reason}) and gave up waiting after {Wait}. " +
                        "Start the server, or point the setting {Setting} (environment variable ConnectionStrings__Portal) at it; " +
                        "{ProviderSetting} is PostgreSQL. {WaitSetting} sets how long start-up waits.",
                        server, e.Message, backoff.Total, ConnectionSetting, PortalDbOptions.ProviderSetting, "Portal:DatabaseStartupWait");
                    return false;
                }
                log.LogWarning(
                    "Portal cannot reach its PostgreSQL database at {Server} ({Reason}); trying again in {Delay}. " +
                    "The server is set by {Setting}, with {ProviderSetting} = PostgreSQL.",
                    server, e.Message, delays.Current, ConnectionSetting, PortalDbOptions.ProviderSetting);
                await Task.Delay(delays.Current);
            }
        }

        try
        {
            await db.Database.MigrateAsync();
        }
        catch (Exception e) when (e is NpgsqlException || e.InnerException is NpgsqlException)
        {
            var reason = (e as PostgresException ?? e.InnerException as PostgresException)?.MessageText ?? e.Message;
            log.LogCritical(
                "Portal could not bring its PostgreSQL database at {Server} up to date: {Reason}. The user in the setting {Setting} " +
                "must own the database (Portal creates and changes its tables at start-up); see README, PostgreSQL.",
                server, reason, ConnectionSetting);
            return false;
        }
        log.LogInformation("Database ready: PostgreSQL at {Server}", server);
        return true;
    }
}
