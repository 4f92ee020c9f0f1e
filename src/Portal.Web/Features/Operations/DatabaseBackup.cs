using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Web.Data;

namespace Portal.Web.Features.Operations;

/// <summary>What a command did, or why it did nothing, in words for the operator.</summary>
public sealed record CommandResult(bool Succeeded, string Message);

/// <summary>
/// Backup and restore of the portal's database. On SQLite: an online copy through SQLite's backup API, consistent
/// while the portal runs; a restore first checks that the file is a Portal backup this build can run, on a copy
/// beside the database, and only then replaces the database's content in one SQLite transaction. On PostgreSQL:
/// PostgreSQL's own pg_dump and pg_restore, whose commands it prints rather than half-doing their work.
/// </summary>
public sealed class DatabaseBackup(IDbContextFactory<PortalDb> factory)
{
    private const string History = "__EFMigrationsHistory";

    /// <summary>Tables every Portal database has had since its first migration: a file without them is something else.</summary>
    private static readonly string[] PortalTables = [History, "AspNetUsers", "Clients", "AcceptanceRecords", "AuditEntries"];

    private const string AppliedMigrations = $"SELECT MigrationId FROM {History} ORDER BY MigrationId";

    private const int SqliteNotADatabase = 26;

    public async Task<CommandResult> BackupAsync(string file, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite()) return PostgreSql(db, "backup", file);
        var database = DatabasePath(db);
        var target = Path.GetFullPath(file);
        if (!File.Exists(database)) return Refused($"There is no database at {database} to back up (setting ConnectionStrings:Portal).");
        if (File.Exists(target)) return Refused($"{target} exists already: a backup never overwrites a file. Name a new one.");

        // Written under another name and renamed when complete: a file with the backup's name is always a whole backup.
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        List<string> migrations;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // The backup holds password hashes and the keys of every sign-in cookie: readable by its owner only,
            // from the first byte (SQLite writes into the empty file made here).
            await using (File.Create(partial)) { }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await CopyAsync(database, partial, "DELETE", ct);
            migrations = await MigrationsOfAsync(partial, ct);
            File.Move(partial, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            return Refused($"The backup failed and nothing was written to {target}: {e.Message}");
        }
        finally
        {
            File.Delete(partial);
        }
        return new CommandResult(true,
            $"Backed up {database} to {target} ({new FileInfo(target).Length:N0} bytes, schema {migrations.LastOrDefault()}).");
    }

    public async Task<CommandResult> RestoreAsync(string file, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite()) return PostgreSql(db, "restore", file);
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) return Refused($"There is no file {source}.");
        if (await UnreadableAsync(source, ct) is { } unreadable) return unreadable;

        var database = DatabasePath(db);
        var folder = Path.GetDirectoryName(database)!;
        var copy = Path.Combine(folder, $".{Path.GetFileName(database)}.restore-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            await CopyAsync(source, copy, "DELETE", ct);
            var known = db.Database.GetMigrations().ToList();
            var (refusal, applied) = await CheckAsync(copy, source, known, ct);
            if (refusal is not null) return refusal;
            var pending = known.Except(applied).Count();

            // The backup API replaces every page of the database in one transaction: a crash half-way leaves the old
            // database, and an instance that was left running reads the restored one rather than a file deleted under it.
            await CopyAsync(copy, database, "WAL", ct);
            // An instance left running keeps the schema it started with: an older backup needs it restarted to be migrated.
            return new CommandResult(true, $"Restored {source} into {database}." + (pending == 0 ? "" :
                $" It is from an older Portal ({pending} migrations behind): restart the portal now, which brings it up to date; " +
                "until then its pages may fail and /health/ready answers 503."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            return Refused($"The restore failed before the database was replaced, or was rolled back: {e.Message}");
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>
    /// Why the checked copy of <paramref name="source"/> may not replace the database (null when it may), and the
    /// migrations its schema has.
    /// </summary>
    private static async Task<(CommandResult? Refusal, List<string> Applied)> CheckAsync(
        string copy, string source, IReadOnlyList<string> known, CancellationToken ct)
    {
        await using var connection = Open(copy, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(ct);
        var tables = await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", ct);
        if (PortalTables.Except(tables).ToList() is [_, ..] missing)
            return (Refused($"{source} is not a Portal backup: it lacks Portal's tables {string.Join(", ", missing)}. Nothing was restored."), []);
        if (await ColumnAsync(connection, "PRAGMA integrity_check", ct) is not ["ok"])
            return (Refused($"{source} is damaged (SQLite's integrity check fails). Nothing was restored."), []);

        var applied = await ColumnAsync(connection, AppliedMigrations, ct);
        if (applied.Count == 0)
            return (Refused($"{source} is not a Portal backup: its schema history is empty. Nothing was restored."), applied);
        if (applied.Except(known).ToList() is [_, ..] unknown)
            return (Refused($"{source} comes from a newer Portal: its schema has {string.Join(", ", unknown)}, which this build does not know " +
                            $"(its latest is {known.LastOrDefault()}). Restore it with that Portal version or a later one. Nothing was restored."), applied);
        return (null, applied);
    }

    /// <summary>Why <paramref name="file"/> cannot be read as a SQLite database; null when it can.</summary>
    private static async Task<CommandResult?> UnreadableAsync(string file, CancellationToken ct)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        try
        {
            await connection.OpenAsync(ct);
            await ColumnAsync(connection, "SELECT count(*) FROM sqlite_master", ct);
            return null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            return Refused($"{file} is not a Portal backup: it is not a SQLite database. Nothing was restored.");
        }
        catch (SqliteException e)
        {
            return Refused($"{file} cannot be read ({e.Message}). Nothing was restored.");
        }
    }

    private static async Task<List<string>> MigrationsOfAsync(string file, CancellationToken ct)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(ct);
        return await ColumnAsync(connection, AppliedMigrations, ct);
    }

    /// <summary>
    /// SQLite's backup API in one step: a snapshot of one moment under a read lock, even while the portal writes
    /// (its writers wait for the copy; the busy timeout lets the copy wait for a write in progress). The copy takes
    /// the source's journal mode; <paramref name="journalMode"/> then sets its own: DELETE for a backup file, which is
    /// then one self-contained file, WAL for the portal's database, as EF Core creates it.
    /// </summary>
    private static async Task CopyAsync(string from, string to, string journalMode, CancellationToken ct)
    {
        await using (var source = Open(from, SqliteOpenMode.ReadOnly))
        await using (var destination = Open(to, SqliteOpenMode.ReadWriteCreate))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            await ExecuteAsync(source, "PRAGMA busy_timeout = 30000", ct);
            await ExecuteAsync(destination, "PRAGMA busy_timeout = 30000", ct);
            source.BackupDatabase(destination);
        }
        // Opened again, so the connection reads the journal mode the copied header now says.
        await using var copy = Open(to, SqliteOpenMode.ReadWrite);
        await copy.OpenAsync(ct);
        await ExecuteAsync(copy, "PRAGMA busy_timeout = 30000", ct);
        await ExecuteAsync(copy, $"PRAGMA journal_mode = {journalMode}", ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    // Unpooled: a file this command opened is closed when it is done with it (and may then be renamed or deleted).
    private static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct)) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    private static string DatabasePath(PortalDb db) => new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

    private static CommandResult Refused(string message) => new(false, message);

    /// <summary>
    /// On PostgreSQL the dump is PostgreSQL's own business: pg_dump is consistent while the portal runs, and pg_restore
    /// replaces the schema and data. The password is never printed: pg_dump reads PGPASSWORD or ~/.pgpass.
    /// </summary>
    private static CommandResult PostgreSql(PortalDb db, string verb, string file)
    {
        // Npgsql's own reading of the setting, with its defaults (the user is the OS user, the database is named after the user).
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var user = settings.Username ?? Environment.UserName;
        var connection = $"--host={Quote(settings.Host ?? "localhost")} --port={settings.Port} " +
                         $"--username={Quote(user)} --dbname={Quote(settings.Database ?? user)}";
        var command = verb == "backup"
            ? $"pg_dump --format=custom --file={Quote(file)} {connection}"
            : $"pg_restore --clean --if-exists --no-owner --single-transaction {connection} {Quote(file)}";
        var when = verb == "backup"
            ? "It makes a consistent copy while the portal runs."
            : "Stop every Portal instance first, then start them again: they apply any migration the backup lacks.";
        return Refused($"Portal runs on PostgreSQL here (Portal:Database), whose own tools do this; nothing was done. Run:\n" +
                       $"  {command}\n{when} The password is read from PGPASSWORD or ~/.pgpass.");
    }

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:@,".Contains(c)) ? value : $"'{value.Replace("'", "'\\''")}'";
}
