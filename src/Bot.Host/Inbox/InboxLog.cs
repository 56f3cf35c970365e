namespace Bot.Host.Inbox;

/// <summary>Inbox events. Shard numbers and counts only, never what a student sent.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "The inbox loop failed; retrying in {Delay}")]
    public static partial void LoopFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Inbox shard {Shard} taken by this host")]
    public static partial void ShardTaken(ILogger logger, int shard);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Inbox shard {Shard} handed back")]
    public static partial void ShardReleased(ILogger logger, int shard);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Inbox shard {Shard} was lost (its lease ran out)")]
    public static partial void ShardLost(ILogger logger, int shard);

    [LoggerMessage(EventId = 405, Level = LogLevel.Warning, Message = "An inbox entry for channel {Channel} has no handler on this host; it goes to the dead-letter stream")]
    public static partial void NoHandler(ILogger logger, string channel);

    [LoggerMessage(EventId = 406, Level = LogLevel.Information, Message = "Inbox shard {Shard}: {Count} entries of a stopped host taken over")]
    public static partial void Claimed(ILogger logger, int shard, int count);
}
