namespace Bot.Host.Inbox;

/// <summary>
/// One platform event kept in the inbox until it is handled: which channel it came from, whose it is
/// (the student key, which decides its shard and so its order), the platform's id for it (for de-duplication)
/// and its raw JSON, parsed again by the channel's handler.
/// </summary>
public sealed record InboxEntry(string Channel, string Student, string EventId, string Body)
{
    /// <summary>The W3C trace context of the webhook that appended it, so the turn's span continues the webhook's trace.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>
/// Handles the entries of one channel. Runs on the student's work queue: one entry of a student at a time. Throwing means
/// "not handled": the entry is tried again (with the same <see cref="Delivery"/>, so replies already sent are not sent
/// again) and dead-lettered after the last attempt.
/// </summary>
public interface IInboxHandler
{
    string Channel { get; }

    Task HandleAsync(InboxEntry entry, Conversation.Delivery delivery, CancellationToken cancellationToken);
}
