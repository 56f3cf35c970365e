namespace Bot.Host.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} stale entries ({Pruner})")]
    public static partial void Pruned(ILogger logger, string pruner, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning stale index entries failed; retrying in an hour")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
