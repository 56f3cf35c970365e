namespace Bot.Host.Reminders;

/// <summary>Scheduler events. Only the channel and the reminder kind are logged, never a student's id.</summary>
internal static partial class ReminderLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Sent a {Kind} reminder on {Channel}")]
    public static partial void Sent(ILogger logger, string kind, string channel);

    [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "Dropped reminder {DedupKey}: the case has moved on")]
    public static partial void Dropped(ILogger logger, string dedupKey);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "A {Channel} student blocked the bot; their reminders are skipped")]
    public static partial void Blocked(ILogger logger, string channel);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "A {Channel} push failed; retrying at {RetryAt}")]
    public static partial void PushFailed(ILogger logger, string channel, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "The reminder loop failed; next try in {Backoff}")]
    public static partial void LoopFailed(ILogger logger, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 305, Level = LogLevel.Error, Message = "Planning reminders for a {Channel} student failed; they are planned again at the next change")]
    public static partial void PlanFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "The office calendar ({Origin}) has no {Year}: pickup dates skip only weekends and fixed-date holidays; load a newer file with Holidays:File")]
    public static partial void CalendarYearMissing(ILogger logger, int year, string origin);
}
