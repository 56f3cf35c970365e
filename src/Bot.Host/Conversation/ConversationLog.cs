namespace Bot.Host.Conversation;

/// <summary>Conversation events. Only the channel name is logged, never a student's id or what they typed.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "A {Channel} student stayed busy past the turn lease; the update was dropped")]
    public static partial void StudentBusy(ILogger logger, string channel);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "A {Channel} turn failed; the student's saved state is unchanged")]
    public static partial void TurnFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "A {Channel} turn outlived its lease; its result was discarded")]
    public static partial void LeaseLost(ILogger logger, string channel);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Work for a {Channel} student failed")]
    public static partial void WorkFailed(ILogger logger, string channel, Exception exception);
}
