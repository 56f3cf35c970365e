using System.Collections.Concurrent;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Hosting;

/// <summary>A logging sink for a test host: keeps each entry (level, event id, message, structured values) and wakes waiters.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();
    private readonly AsyncSignal changed = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Waits until an entry matches, re-checking whenever one is logged.</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = changed.Next;
            if (entries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not logged within {timeout}: {what}");
            }
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
            owner.changed.Pulse();
        }
    }
}

/// <summary>One logged entry; <see cref="Values"/> are the template's placeholders (and "{OriginalFormat}").</summary>
public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values);
