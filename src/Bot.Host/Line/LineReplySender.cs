using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// Sends a turn's replies: the first 5 messages with the event's reply token while it is fresh (replies are free),
/// the rest by push, whose retry key is derived from the event so a replayed turn never pushes twice. A student's
/// replies whose token is old or refused — or that would overtake earlier ones still waiting — go to the
/// <see cref="LinePushQueue"/>, where the replies of several turns share one push.
/// </summary>
public sealed class LineReplySender(
    LineMessagingClient client,
    LineReplyRenderer renderer,
    LineReachability reachability,
    LineQuotedButtons quotes,
    LinePushQueue pushQueue,
    TimeProvider time,
    ILogger<LineReplySender> logger)
{
    /// <summary>LINE accepts a reply token for about a minute; past this we do not risk a refused reply.</summary>
    public static readonly TimeSpan ReplyTokenFreshFor = TimeSpan.FromSeconds(50);

    /// <param name="quotable">
    /// Remember the messages' buttons so a later quote of them means what they meant (see <see cref="LineQuotedButtons"/>):
    /// for advisors' replies, whose buttons name a student; a student's turn does not need it and costs no Redis write.
    /// </param>
    /// <param name="delivery">Counts the batches sent (or queued), so a later attempt after a failure sends only the rest (the reply token at most once).</param>
    public async Task SendAsync(string userId, string? replyToken, DateTimeOffset receivedAt, string eventId, IReadOnlyList<Reply> replies, bool quotable, Delivery delivery, CancellationToken cancellationToken)
    {
        using var activity = TurnTracing.StartSend(LineEventMapper.Channel, replies.Count);

        // Asked while rendering: an advisor's replies are never queued, so they need not know.
        var waiting = quotable ? Task.FromResult(false) : pushQueue.HasPendingAsync(userId);
        var messages = await renderer.RenderAsync(userId, replies);
        var earlierWaiting = await waiting;
        var fresh = replyToken is not null && time.GetUtcNow() - receivedAt < ReplyTokenFreshFor;
        var batches = messages.Chunk(LineLimits.MaxMessagesPerCall).ToList();
        var next = delivery.Sent;
        if (next == 0 && !quotable && messages.Count > 0 && (!fresh || earlierWaiting))
        {
            // Too late for the free reply, or earlier replies still wait (this turn must not overtake them): queue.
            await pushQueue.DeferAsync(userId, eventId, messages);
            delivery.Sent = batches.Count;
            if (fresh)
            {
                await pushQueue.FlushSoonAsync(userId);
            }

            return;
        }

        if (next == 0 && batches.Count > 0 && fresh && replyToken is not null)
        {
            try
            {
                var result = await client.ReplyAsync(replyToken, batches[0], cancellationToken);
                next = result.IsSent ? 1 : 0;
                if (quotable)
                {
                    quotes.Remember(userId, batches[0], result.SentMessages);
                }
            }
            catch (Exception e) when (e is LineApiException or HttpRequestException)
            {
                LineLog.ReplyFailed(logger, e);
            }

            if (next == 0 && !quotable)
            {
                // The token was refused: the whole turn goes the queued way, like a stale one.
                await pushQueue.DeferAsync(userId, eventId, messages);
                delivery.Sent = batches.Count;
                return;
            }

            delivery.Sent = next;
        }

        for (var i = next; i < batches.Count; i++)
        {
            if (await reachability.IsUnreachableAsync(userId))
            {
                LineLog.Unreachable(logger);
                return;
            }

            var pushed = await client.PushAsync(userId, batches[i], RetryKey(eventId, i), cancellationToken);
            if (quotable)
            {
                quotes.Remember(userId, batches[i], pushed.SentMessages);
            }

            delivery.Sent = i + 1;
        }
    }

    /// <summary>Group and room messages: a reply only (never a push, which would cost quota), and only while the token is fresh.</summary>
    public async Task ReplyOnlyAsync(string? replyToken, DateTimeOffset receivedAt, string text, CancellationToken cancellationToken)
    {
        if (replyToken is null || time.GetUtcNow() - receivedAt >= ReplyTokenFreshFor)
        {
            return;
        }

        await client.ReplyAsync(replyToken, [new TextMessage(text)], cancellationToken);
    }

    /// <summary>The retry key of a turn's push batch: the same for the same event and batch.</summary>
    public static Guid RetryKey(string eventId, int batch) => LineRetryKey.From($"{eventId}#{batch}");
}
