using Bot.Host.Conversation;
using Bot.Host.Line.Api;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>
/// The buttons of messages the bot sent, by the id LINE gave each message, so that a user who quotes one (LINE's reply
/// to a message) can mean what its buttons meant. Quick-reply buttons vanish once the chat moves on; quoting is then
/// the only way to point at an older message (an advisor answering an earlier question card). Per user: a hash
/// (message id → button data) and a sorted set (message id by time) under the user's hash tag; entries older than
/// <see cref="Lifetime"/> are dropped at the next write, both keys expire after it, and /delete erases them.
/// </summary>
public sealed class LineQuotedButtons(IConnectionMultiplexer redis, TimeProvider time, Microsoft.Extensions.Options.IOptions<Advisors.AdvisorsOptions> advisors) : IStudentDataEraser
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    // KEYS: hash, index. ARGV: now (ms), cutoff (ms), lifetime (ms), then message id / button data pairs.
    private const string RememberScript = """
        for i = 4, #ARGV, 2 do
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
          redis.call('ZADD', KEYS[2], ARGV[1], ARGV[i])
        end
        local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
        if #old > 0 then
          redis.call('HDEL', KEYS[1], unpack(old))
          redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return 1
        """;

    public static RedisKey ButtonsKey(string userId) => "lq:" + Tag(userId);

    public static RedisKey IndexKey(string userId) => "lq:" + Tag(userId) + ":at";

    /// <summary>Records the postback data of each sent message that had any; sent without waiting (a lost record only loses a shortcut).</summary>
    public void Remember(string userId, IReadOnlyList<LineMessage> messages, IReadOnlyList<SentMessage> sent)
    {
        var now = time.GetUtcNow();
        var args = new List<RedisValue> { now.ToUnixTimeMilliseconds(), (now - Lifetime).ToUnixTimeMilliseconds(), (long)Lifetime.TotalMilliseconds };
        for (var i = 0; i < Math.Min(messages.Count, sent.Count); i++)
        {
            var data = messages[i].QuickReply?.Items.Select(item => item.Action).OfType<PostbackAction>().Select(a => a.Data).ToList();
            if (data is { Count: > 0 })
            {
                args.Add(sent[i].Id);
                args.Add(string.Join('\n', data));
            }
        }

        if (args.Count > 3)
        {
            redis.GetDatabase().ScriptEvaluate(RememberScript, [ButtonsKey(userId), IndexKey(userId)], [.. args], CommandFlags.FireAndForget);
        }
    }

    /// <summary>The button data of the quoted message, or null when it had none (or is older than the lifetime).</summary>
    public async Task<IReadOnlyList<string>?> OfAsync(string userId, string quotedMessageId)
    {
        var value = await redis.GetDatabase().HashGetAsync(ButtonsKey(userId), quotedMessageId);
        return value.IsNull ? null : value.ToString().Split('\n');
    }

    /// <summary>/delete: the student's own buttons, and the buttons of advisors' question cards that name them.</summary>
    public async Task EraseAsync(StudentKey student, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        if (student.Channel == LineEventMapper.Channel)
        {
            await db.KeyDeleteAsync([ButtonsKey(student.Id), IndexKey(student.Id)]);
        }

        var named = student.ToString();
        foreach (var advisor in advisors.Value.LineUserIds)
        {
            var cards = (await db.HashGetAllAsync(ButtonsKey(advisor))).Where(e => e.Value.ToString().Split('\n').Any(d => Advisors.AdvisorButtons.StudentOf([d]) == student)).Select(e => e.Name).ToArray();
            if (cards.Length > 0)
            {
                await Task.WhenAll(db.HashDeleteAsync(ButtonsKey(advisor), cards), db.SortedSetRemoveAsync(IndexKey(advisor), cards));
            }
        }
    }

    private static string Tag(string userId) => new StudentKey(LineEventMapper.Channel, userId).Tag;
}
