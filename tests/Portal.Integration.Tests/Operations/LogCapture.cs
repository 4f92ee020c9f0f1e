using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Portal.Integration.Tests.Operations;

/// <summary>A logger provider that keeps every entry with the scopes it was written in (as the console's providers see them).</summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() { }

    // ASP.NET Core's states and scopes read the HttpContext lazily: copied now, they can be formatted after the request.
    private static object? Snapshot(object? value) =>
        value is IEnumerable<KeyValuePair<string, object?>> properties ? properties.ToList() : value?.ToString();

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            capture.scopes.ForEachScope((scope, list) => list.Add(Snapshot(scope)), scopes);
            capture.Entries.Enqueue(new CapturedLog(logLevel, category, eventId, formatter(state, exception), Snapshot(state), scopes));
        }
    }
}

internal sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message, object? State, IReadOnlyList<object?> Scopes)
{
    /// <summary>The line <paramref name="formatter"/> (the portal's console formatter) writes for this entry, in its scopes.</summary>
    public string Format(ConsoleFormatter formatter)
    {
        var replay = new LoggerExternalScopeProvider();
        foreach (var scope in Scopes) replay.Push(scope);
        using var line = new StringWriter();
        formatter.Write(new LogEntry<object?>(Level, Category, EventId, State, null, (_, _) => Message), replay, line);
        return line.ToString();
    }
}
