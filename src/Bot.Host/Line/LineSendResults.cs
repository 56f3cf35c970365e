using Bot.Host.Line.Api;

namespace Bot.Host.Line;

public enum LineReplyStatus
{
    Sent,

    /// <summary>The token was used, expired or never existed. Reply tokens are single-use, so fall back to push.</summary>
    InvalidReplyToken,
}

public sealed record LineReplyResult(LineReplyStatus Status, IReadOnlyList<SentMessage> SentMessages)
{
    public bool IsSent => Status == LineReplyStatus.Sent;
}

public enum LineSendStatus
{
    Sent,

    /// <summary>LINE had already accepted a request with this retry key (409); the messages went out once.</summary>
    AlreadyAccepted,
}

/// <summary>Result of push, multicast or broadcast. <paramref name="AcceptedRequestId"/> is set on <see cref="LineSendStatus.AlreadyAccepted"/>.</summary>
public sealed record LineSendResult(LineSendStatus Status, IReadOnlyList<SentMessage> SentMessages, string? AcceptedRequestId = null);

/// <summary>Downloaded message content (image, file, …) with the type LINE reported.</summary>
public sealed record LineContent(byte[] Data, string ContentType);
