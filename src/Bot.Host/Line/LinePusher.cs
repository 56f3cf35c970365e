using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;

namespace Bot.Host.Line;

/// <summary>Pushes to a LINE student outside a turn (reminders, broadcasts); skips those who unfollowed.</summary>
public sealed class LinePusher(LineMessagingClient client, LineReplyRenderer renderer, LineReachability reachability, ILogger<LinePusher> logger) : IChannelPusher
{
    public string Channel => LineEventMapper.Channel;

    public async Task<PushResult> PushAsync(string studentId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (await reachability.IsUnreachableAsync(studentId))
        {
            return PushResult.Blocked;
        }

        try
        {
            var messages = await renderer.RenderAsync(replies);
            foreach (var batch in messages.Chunk(LineLimits.MaxMessagesPerCall))
            {
                // One key per batch: a retry after a timeout is delivered at most once.
                await client.PushAsync(studentId, batch, Guid.NewGuid(), cancellationToken);
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
