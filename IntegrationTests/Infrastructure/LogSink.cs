using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <param name="Scope">The values of the scopes the entry was written in (the trace's TraceId and SpanId among them).</param>
/// <param name="Exception">The exception written with the entry, as a console logger prints it after the message.</param>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, string?> State,
    IReadOnlyDictionary<string, string?>? Scope = null, string? Exception = null)
{
    /// <summary>The message and the exception, as a log line shows them.</summary>
    public string Text => Exception is null ? Message : $"{Message} {Exception}";
}

/// <summary>Collects the host's log entries with their structured state, from Information up unless told a lower level.</summary>
public sealed class LogSink(LogLevel least = LogLevel.Information) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, least, _entries, () => _scopes);

    /// <summary>The logger factory's scopes, the trace's ids among them (ActivityTrackingOptions), as a console logger sees them.</summary>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel least, ConcurrentQueue<LogEntry> entries, Func<IExternalScopeProvider?> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= least;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            // A template may name a placeholder twice (Marten's warning of a skipped sequence gap does): the last value counts.
            var named = new Dictionary<string, string?>();
            foreach (var (key, value) in values) named[key] = value?.ToString();
            var scope = new Dictionary<string, string?>();
            scopes()?.ForEachScope((value, into) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, item) in pairs) into[key] = item?.ToString();
            }, scope);
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), named, scope, exception?.ToString()));
        }
    }
}
