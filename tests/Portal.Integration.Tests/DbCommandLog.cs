using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Integration.Tests;

/// <summary>
/// Records the text of every database command sent while serving a request that carries the <see cref="Header"/>, by the
/// header's value: a test counts what one request costs, whatever else (background jobs, other tests) runs meanwhile.
/// </summary>
public sealed class DbCommandLog : DbCommandInterceptor
{
    public const string Header = "X-Test-Commands";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> byRequest = new();

    public IReadOnlyList<string> Of(string requestId) => byRequest.TryGetValue(requestId, out var commands) ? [.. commands] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    // HttpContextAccessor reads the request of the current async flow: a background job has none.
    private void Record(DbCommand command)
    {
        if (new HttpContextAccessor().HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id)
            byRequest.GetOrAdd(id, _ => new()).Enqueue(command.CommandText);
    }
}
