using Bot.Dialogs.Conversation;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Advisors;

/// <summary>Reads every known student (the students index) as summaries, in batches of MGETs.</summary>
public sealed class StudentDirectory(IConnectionMultiplexer redis, StudentStore store, TimeProvider time, ILogger<StudentDirectory> logger)
{
    private const int Batch = 500;

    /// <summary>Students who blocked the bot (Telegram 403) or unfollowed (LINE): broadcasts skip them.</summary>
    public static readonly RedisKey BlockedSet = "students:blocked";

    public async Task<IReadOnlyList<StudentSummary>> AllAsync(CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var members = await db.SortedSetRangeByRankAsync(StudentStore.StudentsIndex, 0, -1, Order.Descending);
        var now = time.GetUtcNow();
        var result = new List<StudentSummary>(members.Length);
        foreach (var chunk in members.Chunk(Batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var keys = chunk.Select(m => StudentKey.Parse(m.ToString())).ToArray();

            // One GET per key (keys live in different hash slots); pipelined, so one round trip per chunk.
            var values = await Task.WhenAll(keys.Select(k => db.StringGetAsync(StudentStore.RecordKey(k))));
            for (var i = 0; i < keys.Length; i++)
            {
                if (values[i].IsNull)
                {
                    continue;
                }

                try
                {
                    result.Add(StudentSummary.From(keys[i], StudentStateJson.Deserialize(store.Open(keys[i], (byte[])values[i]!)!), now));
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or System.Security.Cryptography.CryptographicException)
                {
                    logger.LogWarning(e, "Skipped an unreadable student record on channel {Channel}", keys[i].Channel);
                }
            }
        }

        return result;
    }

    public async Task<StudentState?> ReadStateAsync(StudentKey key) =>
        await store.ReadAsync(key) is { } record ? StudentStateJson.Deserialize(record) : null;

    public Task MarkBlockedAsync(StudentKey key)
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(db.SetAddAsync(BlockedSet, key.ToString()), BlockedMark.SetAsync(db, key));
    }

    public async Task<HashSet<string>> BlockedAsync() =>
        [.. (await redis.GetDatabase().SetMembersAsync(BlockedSet)).Select(v => v.ToString())];

    /// <summary>
    /// Of these members (<c>tg:123</c>), those who have no record any more: they asked for /delete (or expired) after a
    /// broadcast's audience was read, so the broadcast must not reach them. One EXISTS per member, pipelined.
    /// </summary>
    public async Task<IReadOnlyList<string>> GoneAsync(IReadOnlyList<string> members)
    {
        var db = redis.GetDatabase();
        var exists = await Task.WhenAll(members.Select(m => db.KeyExistsAsync(StudentStore.RecordKey(StudentKey.Parse(m)))));
        return [.. members.Where((_, i) => !exists[i])];
    }
}
