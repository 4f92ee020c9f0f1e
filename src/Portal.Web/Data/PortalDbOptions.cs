using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data;

public static class PortalDbOptions
{
    public const string ProviderSetting = "Portal:Database";
    public const string ConnectionSetting = "ConnectionStrings:Portal";
    public const string DefaultSqliteConnection = "Data Source=data/portal.db";

    /// <summary>PortalDb on the chosen provider; the app, the design-time factory and the tests all go through here.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.PostgreSQL => options.UseNpgsql(connectionString),
            _ => options.UseSqlite(SqliteConnection(connectionString)),
        };

    /// <summary>A relative SQLite path is taken from the working directory.</summary>
    private static string SqliteConnection(string configured)
    {
        var csb = new SqliteConnectionStringBuilder(configured);
        if (csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
            csb.DataSource = Path.GetFullPath(csb.DataSource);
        return csb.ToString();
    }

    /// <summary>The namespace holding the migrations and model snapshot of the provider <paramref name="db"/> runs on.</summary>
    internal static string MigrationsNamespace(DbContext db) =>
        typeof(PortalDb).Namespace + ".Migrations." + (db.Database.IsNpgsql() ? nameof(DatabaseProvider.PostgreSQL) : nameof(DatabaseProvider.Sqlite));
}
