using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Web.Data;

/// <summary>
/// What `dotnet ef` builds PortalDb with, for one provider at a time:
/// <c>dotnet ef migrations add Name --project src/Portal.Web -- --provider PostgreSQL</c> (or env PORTAL_DATABASE).
/// The default is SQLite. No connection is opened to add a migration; `database update` uses
/// <c>--connection</c> or ConnectionStrings__Portal.
/// </summary>
public sealed class PortalDbDesignTimeFactory : IDesignTimeDbContextFactory<PortalDb>
{
    public PortalDb CreateDbContext(string[] args)
    {
        var providerName = ArgumentAfter(args, "--provider") ?? Environment.GetEnvironmentVariable("PORTAL_DATABASE") ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
            throw new ArgumentException($"Unknown provider '{providerName}': use Sqlite or PostgreSQL.");
        var connection = ArgumentAfter(args, "--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Portal")
            ?? (provider == DatabaseProvider.PostgreSQL ? "Host=localhost;Database=portal;Username=portal" : PortalDbOptions.DefaultSqliteConnection);

        var options = new DbContextOptionsBuilder<PortalDb>();
        options.UsePortalDatabase(provider, connection)
            // Identity's table shapes follow the schema version the app configures (AccountFeature).
            .UseApplicationServiceProvider(new ServiceCollection()
                .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
                .BuildServiceProvider());
        return new PortalDb(options.Options);
    }

    private static string? ArgumentAfter(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
