namespace Bot.Host.Broadcasts;

internal static partial class BroadcastLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A Telegram broadcast send failed with {ErrorCode}")]
    public static partial void TelegramFailed(ILogger logger, int errorCode, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A LINE multicast to {Count} students failed")]
    public static partial void LineFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {JobId} finished")]
    public static partial void Finished(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The broadcast runner failed; it retries after a pause")]
    public static partial void RunnerFailed(ILogger logger, Exception exception);
}
