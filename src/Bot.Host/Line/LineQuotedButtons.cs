using Bot.Host.Line.Api;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>
/// The buttons of pushed messages, by the id LINE gave each message, so that a user who quotes one (LINE's reply
/// to a message) can mean what its buttons meant. Quick-reply buttons vanish once the chat moves on; quoting is then
/// the only way to point at an older message (an advisor answering an earlier question card). Kept for
/// <see cref="Lifetime"/>, under the recipient's hash tag.
/// </summary>
public sealed class LineQuotedButtons(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static RedisKey Key(string userId, string messageId) => "lq:" + new StudentKey(LineEventMapper.Channel, userId).Tag + ":" + messageId;

    /// <summary>Records the postback data of each sent message that had any; sent without waiting (a lost record only loses a shortcut).</summary>
    public void Remember(string userId, IReadOnlyList<LineMessage> messages, IReadOnlyList<SentMessage> sent)
    {
        var db = redis.GetDatabase();
        for (var i = 0; i < Math.Min(messages.Count, sent.Count); i++)
        {
            var data = messages[i].QuickReply?.Items.Select(item => item.Action).OfType<PostbackAction>().Select(a => a.Data).ToList();
            if (data is { Count: > 0 })
            {
                db.StringSet(Key(userId, sent[i].Id), string.Join('\n', data), Lifetime, flags: CommandFlags.FireAndForget);
            }
        }
    }

    /// <summary>The button data of the quoted message, or null when it had none (or is older than the lifetime).</summary>
    public async Task<IReadOnlyList<string>?> OfAsync(string userId, string quotedMessageId)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(userId, quotedMessageId));
        return value.IsNull ? null : value.ToString().Split('\n');
    }
}
