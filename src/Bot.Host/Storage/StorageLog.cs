namespace Bot.Host.Storage;

/// <summary>Storage events: Redis' settings and index pruning, never a student's data.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Redis did not answer at start: its maxmemory-policy is checked once it does")]
    public static partial void EvictionUnchecked(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Redis refused CONFIG GET maxmemory-policy (a managed Redis?): make sure its policy is noeviction, or it may evict students")]
    public static partial void EvictionConfigRefused(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 602, Level = LogLevel.Critical, Message = "Redis maxmemory-policy is {Policy}, allowed by Storage:AllowEvictionPolicy: when its memory is full Redis WILL evict student records, outboxes and accepted webhooks")]
    public static partial void EvictionAllowed(ILogger logger, string policy);

    [LoggerMessage(EventId = 603, Level = LogLevel.Critical, Message = "Stopping: Redis may evict students")]
    public static partial void EvictionStops(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 604, Level = LogLevel.Information, Message = "Pruned {Count} stale entries ({Pruner})")]
    public static partial void Pruned(ILogger logger, string pruner, long count);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "Pruning stale index entries failed; retrying in an hour")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
