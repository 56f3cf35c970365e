namespace Bot.Host.Telegram;

internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Telegram polling started as @{BotUsername}")]
    public static partial void PollingStarted(ILogger logger, string? botUsername);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Telegram polling failed; retrying in {Delay}")]
    public static partial void PollingFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "A student has blocked the bot; reply not delivered")]
    public static partial void Blocked(ILogger logger);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Dispatched {Count} Telegram updates")]
    public static partial void Dispatched(ILogger logger, int count);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Telegram webhook registered")]
    public static partial void WebhookSet(ILogger logger);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Telegram webhook registration failed; retrying in {Delay}")]
    public static partial void WebhookFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Telegram command menu not published; typed commands still work")]
    public static partial void CommandMenuFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Telegram answered 429: every host pauses {Seconds} s and slows down")]
    public static partial void TooManyRequests(ILogger logger, double seconds);

    [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Could not subscribe to other hosts' Telegram 429s; this host backs off on its own 429s only")]
    public static partial void FloodSubscriptionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 209, Level = LogLevel.Warning, Message = "Could not share a Telegram pause with the other hosts")]
    public static partial void FloodShareFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Telegram descriptions for {LanguageCode} not published; the next start tries again")]
    public static partial void DescriptionsFailed(ILogger logger, string languageCode, Exception exception);

    [LoggerMessage(EventId = 211, Level = LogLevel.Debug, Message = "Telegram {Method} skipped: the bot is paused or replies are waiting")]
    public static partial void BestEffortSkipped(ILogger logger, string method);

    [LoggerMessage(EventId = 212, Level = LogLevel.Debug, Message = "Telegram {Method} failed; it only showed something, so it is not tried again")]
    public static partial void BestEffortFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 213, Level = LogLevel.Warning, Message = "The bot's username is unknown (getMe failed); set Telegram:BotUsername to show the schools' links without asking Telegram")]
    public static partial void BotNameUnknown(ILogger logger, Exception exception);
}
