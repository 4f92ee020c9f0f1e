#pragma warning disable EF1001 // MigrationsAssembly is EF's internal default; we only narrow what it finds.
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Portal.Web.Data;

/// <summary>
/// One PortalDb, two sets of migrations: Data/Migrations/Sqlite and Data/Migrations/PostgreSQL. EF would see both
/// (same assembly, same context); this shows it only the migrations and model snapshot of the provider in use, for
/// Migrate() at start-up and for `dotnet ef migrations add` alike.
/// </summary>
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string ns = PortalDbOptions.MigrationsNamespace(currentContext.Context);
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= base.Migrations.Where(m => m.Value.Namespace == ns)
            .ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot =>
        snapshot ??= Assembly.DefinedTypes
            .Where(t => t.Namespace == ns && !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot))
                        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(PortalDb))
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
            .SingleOrDefault();
}
