namespace Bot.Host.Telegram;

/// <summary>Who polls Telegram (<see cref="PollingLease"/>).</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "Telegram polling lease {Fence} taken: this host polls")]
    public static partial void PollingLeaseTaken(ILogger logger, long fence);

    [LoggerMessage(EventId = 221, Level = LogLevel.Warning, Message = "Telegram polling lease {Fence} lost: this host stops polling and stands by")]
    public static partial void PollingLeaseLost(ILogger logger, long fence);

    [LoggerMessage(EventId = 222, Level = LogLevel.Information, Message = "Another host polls Telegram; this host stands by to take over")]
    public static partial void PollingStandingBy(ILogger logger);
}
