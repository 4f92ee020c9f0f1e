using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Portal.Web.Data;

namespace Portal.Integration.Tests;

/// <summary>
/// The database one test portal runs on. By default a SQLite file in a temporary folder. With the environment variable
/// PORTAL_TEST_POSTGRES set to a Npgsql connection string (to a maintenance database such as "postgres"; tests/run
/// starts a throwaway cluster and sets it), a fresh PostgreSQL database portal_it_&lt;random&gt;, dropped on Dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    /// <summary>The maintenance connection string when this run is against PostgreSQL, else null.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool OnPostgres => PostgresServer is not null;

    private readonly string folder;
    private readonly string? postgresName;

    public TestDatabase(string folder)
    {
        this.folder = folder;
        if (PostgresServer is not { } server) return;
        postgresName = $"portal_it_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{postgresName}\"", connection);
        create.ExecuteNonQuery();
    }

    public DatabaseProvider Provider => postgresName is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;

    public string ConnectionString => postgresName is null
        ? $"Data Source={Path.Combine(folder, "portal.db")}"
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresName }.ConnectionString;

    /// <summary>The statement that removes one of the append-only triggers (tests that play someone tampering with the database).</summary>
    public static string DropTrigger(string table, string trigger) => OnPostgres
        ? $"DROP TRIGGER \"{trigger}\" ON \"{table}\""
        : $"DROP TRIGGER {trigger}";

    /// <summary>Points the portal under test at this database.</summary>
    public void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting(PortalDbOptions.ProviderSetting, Provider.ToString());
        builder.UseSetting(PortalDbOptions.ConnectionSetting, ConnectionString);
    }

    public void Dispose()
    {
        if (postgresName is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}

/// <summary>A test that only means something on SQLite (its file, its triggers' syntax): skipped on PostgreSQL, with the reason.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.OnPostgres) Skip = $"SQLite only: {reason}";
    }
}

/// <summary>A SQLite-only theory: skipped on PostgreSQL, with the reason.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string reason)
    {
        if (TestDatabase.OnPostgres) Skip = $"SQLite only: {reason}";
    }
}

/// <summary>A PostgreSQL-only theory: skipped unless the run is against PostgreSQL.</summary>
public sealed class PostgresOnlyTheoryAttribute : TheoryAttribute
{
    public PostgresOnlyTheoryAttribute(string reason)
    {
        if (!TestDatabase.OnPostgres) Skip = $"PostgreSQL only (set {TestDatabase.PostgresVariable}): {reason}";
    }
}

/// <summary>A PostgreSQL-only test: skipped unless the run is against PostgreSQL (PORTAL_TEST_POSTGRES, set by tests/run).</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string reason)
    {
        if (!TestDatabase.OnPostgres) Skip = $"PostgreSQL only (set {TestDatabase.PostgresVariable}): {reason}";
    }
}
