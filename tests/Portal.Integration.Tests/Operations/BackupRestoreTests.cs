using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Billing;
using Portal.Web.Features.Operations;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Integration.Tests.Operations;

/// <summary>Issue #9 "Backup and restore": a backup restores to the same portal; a file that is not one is refused before anything is overwritten.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("portal-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [SqliteOnlyFact("the SQLite backup API; on PostgreSQL the command gives the pg_dump/pg_restore to run")]
    public async Task A_seeded_portal_backed_up_and_restored_into_an_empty_one_keeps_its_acceptance_chain_numbering_and_sign_ins()
    {
        var file = Path.Combine(folder, "portal-backup.db");
        long lastNumber, records;
        using (var seeded = new ClockedPortalFactory(Now))
        {
            await using (var db = await seeded.OpenAsSystemAsync())
                (lastNumber, records) = (await db.Invoices.MaxAsync(i => i.Sequence), await db.AcceptanceRecords.LongCountAsync());
            var backup = await Backup(seeded).BackupAsync(file);
            Assert.True(backup.Succeeded, backup.Message);
        }
        // Password hashes and the cookie keys are in it: its owner alone reads it.
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.True(lastNumber > 0 && records > 0, "the demo data has invoices and acceptances");

        using var empty = new ClockedPortalFactory(Now, new Dictionary<string, string> { ["Portal:SeedDemoData"] = "false" });
        await using (var db = await empty.OpenAsSystemAsync())
            Assert.Equal(0, await db.Clients.CountAsync());

        var restored = await Backup(empty).RestoreAsync(file);

        Assert.True(restored.Succeeded, restored.Message);
        await using (var db = await empty.OpenAsSystemAsync())
        {
            var chain = await ChainIntegrity.CheckAsync(db);
            Assert.True(chain.Holds, $"{chain.Fault} at {chain.BrokenAt}; {chain.Records} records, {chain.Audited} audited");
            Assert.Equal(records, chain.Records);
        }
        var issuer = empty.Get<InvoiceIssuer>();
        var issued = await issuer.IssueDueAsync(Actor.System, DateOnly.FromDateTime(Now.UtcDateTime).AddYears(1));
        Assert.NotEmpty(issued);
        await using (var db = await empty.OpenAsSystemAsync())
            Assert.Equal(lastNumber + 1, await db.Invoices.Where(i => i.Number == issued[0]).Select(i => i.Sequence).SingleAsync());
        Assert.Empty(await issuer.GapsAsync());
        // Password hashes and the data-protection keys came back too: a demo account signs in.
        var signIn = await PortalFactory.PostSignInAsync(empty.CreateClient(new() { AllowAutoRedirect = false }), "admin@acme.test");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [SqliteOnlyFact("the SQLite backup API; on PostgreSQL the command gives the pg_dump/pg_restore to run")]
    public async Task Restore_refuses_a_file_that_is_not_a_SQLite_database_before_touching_the_database()
    {
        using var portal = new ClockedPortalFactory(Now);
        var file = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(file, "Dear operator, this is not a backup.");

        var result = await Backup(portal).RestoreAsync(file);

        Assert.False(result.Succeeded);
        Assert.Equal($"{file} is not a Portal backup: it is not a SQLite database. Nothing was restored.", result.Message);
        await AssertUntouchedAsync(portal);
    }

    [SqliteOnlyFact("the SQLite backup API; on PostgreSQL the command gives the pg_dump/pg_restore to run")]
    public async Task Restore_refuses_a_SQLite_database_without_Portal_s_tables()
    {
        using var portal = new ClockedPortalFactory(Now);
        var file = Path.Combine(folder, "other.db");
        await SqlAsync(file, "CREATE TABLE Notes (Text TEXT)");

        var result = await Backup(portal).RestoreAsync(file);

        Assert.False(result.Succeeded);
        Assert.Equal($"{file} is not a Portal backup: it lacks Portal's tables __EFMigrationsHistory, AspNetUsers, Clients, " +
                     "AcceptanceRecords, AuditEntries. Nothing was restored.", result.Message);
        await AssertUntouchedAsync(portal);
    }

    [SqliteOnlyFact("the SQLite backup API; on PostgreSQL the command gives the pg_dump/pg_restore to run")]
    public async Task Restore_refuses_a_backup_from_a_newer_schema_and_names_the_migration_it_does_not_know()
    {
        using var portal = new ClockedPortalFactory(Now);
        var file = Path.Combine(folder, "from-a-newer-portal.db");
        Assert.True((await Backup(portal).BackupAsync(file)).Succeeded);
        await SqlAsync(file, """INSERT INTO "__EFMigrationsHistory" VALUES ('20991231000000_SeatsByTheHour', '11.0.0')""");

        var result = await Backup(portal).RestoreAsync(file);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"{file} comes from a newer Portal: its schema has 20991231000000_SeatsByTheHour, which this build does not know", result.Message);
        await AssertUntouchedAsync(portal);
    }

    [SqliteOnlyFact("the SQLite backup API; on PostgreSQL the command gives the pg_dump/pg_restore to run")]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        using var portal = new ClockedPortalFactory(Now);
        var file = Path.Combine(folder, "yesterday.db");
        await File.WriteAllTextAsync(file, "yesterday's backup");

        var result = await Backup(portal).BackupAsync(file);

        Assert.False(result.Succeeded);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task The_commands_run_from_the_command_line_instead_of_the_web_host_and_exit_non_zero_when_refused()
    {
        var database = Path.Combine(folder, "cli", "portal.db");
        var notes = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(notes, "not a backup");

        var (exit, output) = await RunAsync(database, "restore", notes);
        Assert.Equal(1, exit);
        Assert.Contains($"{notes} is not a Portal backup: it is not a SQLite database. Nothing was restored.", output);
        Assert.False(File.Exists(database), "refused before anything was written");

        (exit, output) = await RunAsync(database, "backup", Path.Combine(folder, "backup.db"));
        Assert.Equal(1, exit);
        Assert.Contains($"There is no database at {database} to back up", output);

        (exit, output) = await RunAsync(database, "backup");
        Assert.Equal(2, exit);
        Assert.Contains("Usage: Portal.Web backup <file>", output);
    }

    [PostgresOnlyFact("the command hands a PostgreSQL database to pg_dump and pg_restore")]
    public async Task On_PostgreSQL_backup_and_restore_give_the_pg_dump_and_pg_restore_commands_without_the_password_and_do_nothing()
    {
        using var portal = new ClockedPortalFactory(Now);
        var file = Path.Combine(folder, "portal.dump");

        var backup = await Backup(portal).BackupAsync(file);
        var restore = await Backup(portal).RestoreAsync(file);

        Assert.False(backup.Succeeded);
        Assert.Contains($"pg_dump --format=custom --file={file} --host=", backup.Message);
        Assert.Contains("pg_restore --clean --if-exists --no-owner --single-transaction", restore.Message);
        var password = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer!).Password;
        if (!string.IsNullOrEmpty(password)) Assert.DoesNotContain(password, backup.Message + restore.Message);
        Assert.False(File.Exists(file), "nothing was written");
        await using var db = await portal.OpenAsSystemAsync();
        Assert.Equal(3, await db.Clients.CountAsync());
    }

    private static DatabaseBackup Backup(ClockedPortalFactory portal) => new(portal.Get<IDbContextFactory<PortalDb>>());

    /// <summary>The portal's database holds what it held: its Clients, this build's migrations, and no copy left beside it.</summary>
    private static async Task AssertUntouchedAsync(ClockedPortalFactory portal)
    {
        await using var db = await portal.OpenAsSystemAsync();
        Assert.Equal(3, await db.Clients.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.restore-*"));
    }

    private static async Task SqlAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(int Exit, string Output)> RunAsync(string database, params string[] args)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={database}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a bound for a hang
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
