namespace Bot.Host.Limits;

internal static partial class LimitsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "A {Channel} student is sending faster than the turn limit; turns are skipped until the bucket refills")]
    public static partial void TurnsThrottled(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Channel} student reached the daily upload quota")]
    public static partial void UploadQuotaReached(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Channel} student marked blocked wrote again; broadcasts and reminders reach them again")]
    public static partial void Returned(ILogger logger, string channel);
}
