namespace Bot.Host.Line;

/// <summary>LINE adapter events. No user ids, names or message text.</summary>
internal static partial class LineLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "LINE reply failed; pushing instead")]
    public static partial void ReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "A LINE student is unreachable (unfollowed); push skipped")]
    public static partial void Unreachable(ILogger logger);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "LINE call {Call} failed; continuing without it")]
    public static partial void CallFailed(ILogger logger, string call, Exception exception);

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "LINE push failed")]
    public static partial void PushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "A button label of {Length} characters was cut to LINE's {Max}; reword it (or the school data it shows)")]
    public static partial void LabelCut(ILogger logger, int length, int max);

    [LoggerMessage(EventId = 520, Level = LogLevel.Warning, Message = "{Count} LINE webhook events older than {MaxAge} were acknowledged and not handled (a replay, or a redelivery too late to answer)")]
    public static partial void StaleEventsSkipped(ILogger logger, int count, TimeSpan maxAge);

    [LoggerMessage(EventId = 521, Level = LogLevel.Warning, Message = "Flushing queued LINE pushes failed; retrying")]
    public static partial void FlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 522, Level = LogLevel.Error, Message = "A queued LINE push failed {Attempts} times; its messages were given up")]
    public static partial void PushGivenUp(ILogger logger, int attempts);

    [LoggerMessage(EventId = 530, Level = LogLevel.Information, Message = "LINE webhook URL registered")]
    public static partial void WebhookSet(ILogger logger);

    [LoggerMessage(EventId = 531, Level = LogLevel.Warning, Message = "Registering the LINE webhook URL failed; retrying in {Delay}")]
    public static partial void WebhookFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 532, Level = LogLevel.Warning, Message = "LINE webhook URL not registered: Bot:PublicBaseUrl is not https, which LINE requires; set the URL in the LINE Developers Console")]
    public static partial void WebhookNotHttps(ILogger logger);

    [LoggerMessage(EventId = 533, Level = LogLevel.Warning, Message = "LINE delivers no webhook: \"Use webhook\" is off for this channel in the LINE Developers Console")]
    public static partial void WebhookInactive(ILogger logger);

    [LoggerMessage(EventId = 540, Level = LogLevel.Information, Message = "LINE rich menus ready: {Created} created, {Kept} kept, {Deleted} obsolete deleted")]
    public static partial void RichMenusReady(ILogger logger, int created, int kept, int deleted);

    [LoggerMessage(EventId = 541, Level = LogLevel.Warning, Message = "Setting up the LINE rich menus failed; retrying in {Delay}")]
    public static partial void RichMenusFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 542, Level = LogLevel.Information, Message = "Another host is creating the LINE rich menu {Name}; waiting {Delay}")]
    public static partial void RichMenuBeingCreated(ILogger logger, string name, TimeSpan delay);
}
