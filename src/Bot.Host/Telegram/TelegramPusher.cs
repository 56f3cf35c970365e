using System.Globalization;
using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using global::Telegram.Bot.Exceptions;

namespace Bot.Host.Telegram;

/// <summary>
/// Pushes to a Telegram student: their private chat id is their user id. The Bot API has no idempotency key, so a
/// send repeated after a crash between sending and recording it can arrive twice.
/// </summary>
public sealed class TelegramPusher(TelegramReplySender sender) : IChannelPusher
{
    public string Channel => "tg";

    public async Task<PushResult> PushAsync(string studentId, IReadOnlyList<Reply> replies, string? sendKey, CancellationToken cancellationToken)
    {
        var chatId = long.Parse(studentId, CultureInfo.InvariantCulture);
        try
        {
            foreach (var reply in replies)
            {
                await sender.SendOneAsync(chatId, reply, cancellationToken, throwWhenBlocked: true);
            }

            return PushResult.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            return PushResult.Blocked;
        }
        catch (RequestException)
        {
            // An API error or the network (after the HTTP client's retries); a 429 never gets here, it is waited out.
            return PushResult.Failed;
        }
    }
}
