namespace Bot.Host.Retention;

internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Personal data of {Count} collected case(s) expired and was dropped")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "The retention loop failed; it tries again shortly")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Retention bookkeeping for a {Channel} student failed after their turn was saved")]
    public static partial void IndexFailed(ILogger logger, string channel, Exception exception);
}
