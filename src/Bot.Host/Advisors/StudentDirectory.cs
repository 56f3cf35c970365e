using Bot.Dialogs.Conversation;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Advisors;

/// <summary>
/// Reads students' records for advisors (a timeline, an open question, the roster's rebuild), always through
/// <see cref="StudentStore.ReadAsync"/>: the one place a record is read outside a turn. Lists of students come from the
/// roster (<see cref="Roster.RosterSearch"/>), never from reading every record.
/// </summary>
public sealed class StudentDirectory(IConnectionMultiplexer redis, StudentStore store)
{
    /// <summary>Students who blocked the bot (Telegram 403) or unfollowed (LINE): broadcasts skip them.</summary>
    public static readonly RedisKey BlockedSet = "students:blocked";

    public async Task<StudentState?> ReadStateAsync(StudentKey key) =>
        await store.ReadAsync(key) is { } record ? StudentStateJson.Deserialize(record) : null;

    /// <summary>Several records at once, pipelined (they live in different cluster slots): null where there is none.</summary>
    public async Task<byte[]?[]> ReadRecordsAsync(IReadOnlyList<StudentKey> keys) =>
        await Task.WhenAll(keys.Select(store.ReadAsync));

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
