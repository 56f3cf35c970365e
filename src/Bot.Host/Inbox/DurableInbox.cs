using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using StackExchange.Redis;

namespace Bot.Host.Inbox;

/// <summary>
/// Webhook events persisted before the webhook answers 200, in Redis streams shared by every host.
/// Events are spread over <see cref="ShardCount"/> streams by a hash of the student key, and each stream is read
/// by one host at a time (see <see cref="InboxProcessor"/>), so a student's events are handled in the order they
/// arrived. Each stream, its lease and its de-duplication keys share one hash tag (<c>{inbox:N}</c>). Bodies are
/// encrypted on the way in (<see cref="InboxBodies"/>).
/// </summary>
/// <param name="metrics">Counts appended events; none when a test builds the inbox by hand.</param>
public sealed class DurableInbox(IConnectionMultiplexer redis, InboxBodies bodies, InboxMetrics? metrics = null)
{
    /// <summary>How many streams: the most hosts that can share the work. Changing it re-shards, so drain the inbox first.</summary>
    public const int ShardCount = 8;

    public const string Group = "hosts";

    /// <summary>Redeliveries come within hours (LINE) and update ids are kept a day (Telegram); two days covers both.</summary>
    public static readonly TimeSpan SeenLifetime = TimeSpan.FromDays(2);

    /// <summary>Published after an append so idle hosts wake at once instead of at their next poll.</summary>
    public static readonly RedisChannel Appended = RedisChannel.Literal("inbox:appended");

    /// <summary>Hosts that consume the inbox, scored by when their heartbeat runs out (Unix ms).</summary>
    public static readonly RedisKey Hosts = "inbox:hosts";

    // Add only if this event was never seen: a redelivery (same id) is dropped here, before it can be handled twice.
    private const string AppendScript = """
        if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
          return redis.call('XADD', KEYS[1], '*', 'ch', ARGV[2], 'student', ARGV[3], 'id', ARGV[4], 'body', ARGV[5], 'tp', ARGV[6])
        end
        return false
        """;

    public static RedisKey Stream(int shard) => $"{{inbox:{shard}}}:stream";

    public static RedisKey Lease(int shard) => $"{{inbox:{shard}}}:owner";

    private static RedisKey Seen(int shard, string channel, string eventId) => $"{{inbox:{shard}}}:seen:{channel}:{eventId}";

    public static int ShardOf(string student) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(student)) % ShardCount);

    /// <summary>Persists the entries in order; returns how many were new (the rest were redeliveries).</summary>
    public async Task<int> AppendAsync(IReadOnlyList<InboxEntry> entries)
    {
        var db = redis.GetDatabase();
        using var activity = Telemetry.ArcMeter.Traces.StartActivity("inbox append", ActivityKind.Producer);
        var traceParent = Activity.Current?.Id ?? string.Empty;

        // Sent back to back on one connection, so Redis applies them in this order.
        var appends = entries.Select(bodies.Seal).Select(e =>
        {
            var shard = ShardOf(e.Student);
            return db.ScriptEvaluateAsync(
                AppendScript,
                [Stream(shard), Seen(shard, e.Channel, e.EventId)],
                [(long)SeenLifetime.TotalSeconds, e.Channel, e.Student, e.EventId, e.Body, traceParent]);
        }).ToList();
        var results = await Task.WhenAll(appends);
        var added = 0;
        for (var i = 0; i < results.Length; i++)
        {
            if (!results[i].IsNull)
            {
                added++;
                metrics?.Appended(entries[i].Channel);
            }
        }

        if (added > 0)
        {
            await redis.GetSubscriber().PublishAsync(Appended, added);
        }

        return added;
    }

    /// <summary>Creates each stream's consumer group from the very beginning, so entries added before any host started are read.</summary>
    public async Task EnsureGroupsAsync()
    {
        var db = redis.GetDatabase();
        for (var shard = 0; shard < ShardCount; shard++)
        {
            try
            {
                await db.StreamCreateConsumerGroupAsync(Stream(shard), Group, "0-0", createStream: true);
            }
            catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
            {
                // Another host created it first.
            }
        }
    }

    /// <summary>Done with an entry: acknowledged for the group and deleted from its stream.</summary>
    public async Task AcknowledgeAsync(int shard, RedisValue id)
    {
        var db = redis.GetDatabase();
        await db.StreamAcknowledgeAsync(Stream(shard), Group, id);
        await db.StreamDeleteAsync(Stream(shard), [id]);
    }

    /// <summary>How often each of these entries (just claimed by <paramref name="consumer"/>) has been delivered, this claim included.</summary>
    public async Task<Dictionary<string, int>> DeliveryCountsAsync(int shard, string consumer, StreamEntry[] claimed)
    {
        if (claimed.Length == 0)
        {
            return [];
        }

        var pending = await redis.GetDatabase().StreamPendingMessagesAsync(Stream(shard), Group, claimed.Length, consumer, claimed[0].Id, claimed[^1].Id);
        return pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount, StringComparer.Ordinal);
    }

    /// <summary>
    /// Claims the entry again for the same consumer before another attempt: Redis counts one more delivery, so the count
    /// survives the host (one that takes the shard over knows how many attempts were made). Not waited for: losing it
    /// only undercounts.
    /// </summary>
    public void CountRedelivery(int shard, string consumer, RedisValue id) =>
        redis.GetDatabase().StreamClaim(Stream(shard), Group, consumer, 0, [id], CommandFlags.FireAndForget);

    /// <summary>The entry as stored: its body still encrypted (<see cref="InboxBodies.Open"/> decrypts it when it is handled).</summary>
    public static InboxEntry? Parse(StreamEntry entry)
    {
        string? channel = entry["ch"], student = entry["student"], id = entry["id"], body = entry["body"];
        string? traceParent = entry["tp"];
        return channel is null || student is null || id is null || body is null
            ? null
            : new InboxEntry(channel, student, id, body) { TraceParent = string.IsNullOrEmpty(traceParent) ? null : traceParent };
    }
}
