using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Web.Data;
using Portal.Web.Shared.Mail;
using Portal.Web.Features.Terms.Staff.Acceptances;

namespace Portal.Benchmarks;

/// <summary>
/// Prints SQLite's plan for each benchmarked query: the command EF actually sends, with its parameters bound,
/// behind EXPLAIN QUERY PLAN. "USING INDEX" shows which index serves the filter and the order; "USE TEMP B-TREE
/// FOR ORDER BY" would mean every matching row is sorted first.
/// </summary>
public static class QueryPlans
{
    public static async Task PrintAsync(BenchmarkDatabase data)
    {
        var capture = new LastCommand();
        var options = BenchmarkDatabase.Options(data.Path).AddInterceptors(capture).Options;
        var factory = new PlanFactory(options);
        await using var db = await factory.OpenAsSystemAsync(TimeProvider.System);

        var first = true;
        foreach (var f in NamedFilter.For(data))
        {
            var rows = await AcceptanceReview.Rows(db, f.Filter).Skip(0).Take(25).ToListAsync();
            await PrintAsync(data, $"page of 25, {f.Name} ({rows.Count} rows)", capture, showSql: first);
            var count = await AcceptanceReview.Matching(db.AcceptanceRecords, f.Filter).CountAsync();
            await PrintAsync(data, $"count, {f.Name} ({count:N0})", capture, showSql: first);
            first = false;
        }
        var due = await OutboxSender.Due(db.OutboxEmails.AsNoTracking(), BenchmarkDatabase.Now).Select(e => new { e.Id, e.NextAttemptAt }).ToListAsync();
        await PrintAsync(data, $"outbox: next batch due ({due.Count})", capture, showSql: true);
    }

    private static async Task PrintAsync(BenchmarkDatabase data, string title, LastCommand capture, bool showSql)
    {
        var (sql, parameters) = capture.Last ?? throw new InvalidOperationException("No command was captured.");
        Console.WriteLine($"--- {title}");
        if (showSql) Console.WriteLine(sql);
        await using var connection = new SqliteConnection($"Data Source={data.Path}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value);
        await using var reader = await explain.ExecuteReaderAsync();
        var depth = new Dictionary<long, int> { [0] = 0 };
        while (await reader.ReadAsync())
        {
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            Console.WriteLine($"{new string(' ', 2 * level)}{reader.GetString(3)}");
        }
    }

    private sealed class PlanFactory(DbContextOptions<PortalDb> options) : IDbContextFactory<PortalDb>
    {
        public PortalDb CreateDbContext() => new(options);
    }

    /// <summary>Keeps the last query EF sent, with its parameter values.</summary>
    private sealed class LastCommand : DbCommandInterceptor
    {
        public (string Sql, List<(string Name, object Value)> Parameters)? Last { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Last = (command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList());
            return ValueTask.FromResult(result);
        }
    }
}
