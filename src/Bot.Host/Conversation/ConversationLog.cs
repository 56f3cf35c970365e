namespace Bot.Host.Conversation;

/// <summary>Conversation events. Only the channel name is logged, never a student's id or what they typed.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "A {Channel} student stayed busy past the turn lease; the update will be tried again")]
    public static partial void StudentBusy(ILogger logger, string channel);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "A {Channel} turn failed; the student's saved state is unchanged")]
    public static partial void TurnFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "A {Channel} turn outlived its lease; its result was discarded and the update will be tried again")]
    public static partial void LeaseLost(ILogger logger, string channel);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Work for a {Channel} student failed")]
    public static partial void WorkFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Attempt {Attempt} at a {Channel} update failed; trying again in {Delay}")]
    public static partial void WillRetry(ILogger logger, string channel, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "A {Channel} update failed {Attempts} times; it goes to the dead-letter stream (dashboard)")]
    public static partial void GaveUp(ILogger logger, string channel, int attempts, Exception exception);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Could not {What}; trying again in {Delay}")]
    public static partial void WriteRetry(ILogger logger, string what, TimeSpan delay, Exception exception);
}
