using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fachwerk.IntegrationTests.Infrastructure;

public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, string?> State);

/// <summary>Collects the host's log entries with their structured state.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            // A template may name a placeholder twice (Marten's warning of a skipped sequence gap does): the last value counts.
            var named = new Dictionary<string, string?>();
            foreach (var (key, value) in values) named[key] = value?.ToString();
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), named));
        }
    }
}
