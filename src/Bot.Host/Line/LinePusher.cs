using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;

namespace Bot.Host.Line;

/// <summary>Pushes to a LINE student outside a turn (reminders, broadcasts); skips those who unfollowed.</summary>
public sealed class LinePusher(
    LineMessagingClient client,
    LineReplyRenderer renderer,
    LineReachability reachability,
    LineQuotedButtons quotes,
    ILogger<LinePusher> logger) : IChannelPusher
{
    public string Channel => LineEventMapper.Channel;

    public async Task<PushResult> PushAsync(string studentId, IReadOnlyList<Reply> replies, string? sendKey, CancellationToken cancellationToken)
    {
        if (await reachability.IsUnreachableAsync(studentId))
        {
            return PushResult.Blocked;
        }

        try
        {
            var messages = await renderer.RenderAsync(studentId, replies);
            var batches = messages.Chunk(LineLimits.MaxMessagesPerCall).ToList();
            for (var i = 0; i < batches.Count; i++)
            {
                // One key per batch: the HTTP retry after a timeout reuses it, and so does a repeated send with the same sendKey.
                var key = sendKey is null ? Guid.NewGuid() : LineRetryKey.From($"{sendKey}#{i}");
                var result = await client.PushAsync(studentId, batches[i], key, cancellationToken);
                quotes.Remember(studentId, batches[i], result.SentMessages);
            }

            return PushResult.Sent;
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException)
        {
            LineLog.PushFailed(logger, e);
            return PushResult.Failed;
        }
    }
}
