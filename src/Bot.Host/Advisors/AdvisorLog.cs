using Bot.Host.Conversation;

namespace Bot.Host.Advisors;

internal static partial class AdvisorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Advisor answer pushed to a {Channel} student: {Result}")]
    public static partial void Answered(ILogger logger, string channel, PushResult result);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Channel} student's message was forwarded to {Advisors} advisor chats")]
    public static partial void Forwarded(ILogger logger, string channel, int advisors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward a {Channel} student's message to advisors")]
    public static partial void ForwardFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach advisor chat on {Channel}")]
    public static partial void NotifyFailed(ILogger logger, string channel, Exception exception);
}
