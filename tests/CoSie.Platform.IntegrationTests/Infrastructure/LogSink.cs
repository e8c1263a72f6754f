using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// The app's log as it is written: a logger provider next to the console's, so that a test can read the lines (their
// level, category, message with its values, and exception) that an operator would see.
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record LogLine(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Warnings and errors only: the lines worth reading back, and few enough to keep for a whole test class.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            sink._lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), values, exception));
        }
    }
}
