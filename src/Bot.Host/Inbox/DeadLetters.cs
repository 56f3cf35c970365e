using System.Globalization;
using StackExchange.Redis;

namespace Bot.Host.Inbox;

/// <summary>An inbound that failed every attempt, as the dashboard lists it (never its body: it may hold personal data).</summary>
public sealed record DeadLetter(string Id, string Channel, string Student, string EventId, int Attempts, string Error, DateTimeOffset FailedAt);

/// <summary>
/// Inbounds that failed <c>Delivery:MaxAttempts</c> times, kept in one stream per inbox shard (<c>{inbox:N}:dead</c>, the
/// shard's hash tag, so moving an entry there from the shard's stream is one atomic script, also on a cluster). Nothing is
/// dropped: advisors see them on the dashboard and replay them, which puts them back at the end of their shard's stream.
/// </summary>
public sealed class DeadLetters(IConnectionMultiplexer redis, InboxBodies bodies, TimeProvider time) : Conversation.IStudentDataEraser
{
    /// <summary>Per shard; past this the oldest are trimmed (80,000 in all is far beyond any incident worth replaying by hand).</summary>
    public const int KeptPerShard = 10_000;

    public static RedisKey Stream(int shard) => $"{{inbox:{shard}}}:dead";

    /// <summary>
    /// Acknowledge and delete the entry from the shard's stream and add it to the dead letters, only if this consumer group
    /// still had it pending (so a repeated call after a lost answer adds it once).
    /// KEYS: stream, dead. ARGV: group, entry id, channel, student, event id, body, attempts, error, at (Unix ms), cap.
    /// </summary>
    private const string MoveScript = """
        if ARGV[2] == '' or redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 1 then
          redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[10], '*', 'ch', ARGV[3], 'student', ARGV[4], 'id', ARGV[5], 'body', ARGV[6],
            'tries', ARGV[7], 'error', ARGV[8], 'at', ARGV[9])
        end
        if ARGV[2] ~= '' then
          redis.call('XDEL', KEYS[1], ARGV[2])
        end
        return 1
        """;

    /// <summary>Put a dead letter back at the end of its shard's stream. KEYS: stream, dead. ARGV: dead letter id.</summary>
    private const string ReplayScript = """
        local found = redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[1])
        if #found == 0 then
          return false
        end
        local fields, kept = found[1][2], {}
        for i = 1, #fields, 2 do
          local name = fields[i]
          if name == 'ch' or name == 'student' or name == 'id' or name == 'body' then
            kept[#kept + 1] = name
            kept[#kept + 1] = fields[i + 1]
          end
        end
        local added = redis.call('XADD', KEYS[1], '*', unpack(kept))
        redis.call('XDEL', KEYS[2], ARGV[1])
        return added
        """;

    /// <summary>KEYS: dead. ARGV: student. Deletes the student's dead letters (their bodies hold what they typed).</summary>
    private const string EraseScript = """
        local gone = 0
        for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do
          local fields = entry[2]
          for i = 1, #fields, 2 do
            if fields[i] == 'student' and fields[i + 1] == ARGV[1] then
              gone = gone + redis.call('XDEL', KEYS[1], entry[1])
            end
          end
        end
        return gone
        """;

    /// <summary>/delete: the student's undelivered messages go too (they are in their inbox shard's dead letters).</summary>
    public Task EraseAsync(Storage.StudentKey student, CancellationToken cancellationToken) =>
        redis.GetDatabase().ScriptEvaluateAsync(EraseScript, [Stream(DurableInbox.ShardOf(student.ToString()))], [student.ToString()]);

    /// <summary>Moves an inbox entry that failed every attempt out of its shard's stream.</summary>
    public Task MoveAsync(int shard, RedisValue entryId, InboxEntry? entry, int attempts, Exception failure) =>
        WriteAsync(shard, entryId, entry, attempts, failure);

    /// <summary>Adds an inbound that never was in the inbox (a polled Telegram update) after it failed every attempt.</summary>
    public Task AddAsync(InboxEntry entry, int attempts, Exception failure) =>
        WriteAsync(DurableInbox.ShardOf(entry.Student), RedisValue.EmptyString, entry, attempts, failure);

    public async Task<long> CountAsync()
    {
        var db = redis.GetDatabase();
        var lengths = await Task.WhenAll(Enumerable.Range(0, DurableInbox.ShardCount).Select(shard => db.StreamLengthAsync(Stream(shard))));
        return lengths.Sum();
    }

    /// <summary>The newest dead letters of every shard, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max)
    {
        var db = redis.GetDatabase();
        var perShard = await Task.WhenAll(Enumerable.Range(0, DurableInbox.ShardCount).Select(async shard =>
            (await db.StreamRangeAsync(Stream(shard), "-", "+", max, Order.Descending)).Select(e => ToDeadLetter(shard, e))));
        return [.. perShard.SelectMany(letters => letters).OrderByDescending(l => l.FailedAt).Take(max)];
    }

    /// <summary>Puts a dead letter back into the inbox; false when there is no such dead letter (already replayed).</summary>
    public async Task<bool> ReplayAsync(string id)
    {
        if (!TryParseId(id, out var shard, out var entryId))
        {
            return false;
        }

        var added = await redis.GetDatabase().ScriptEvaluateAsync(ReplayScript, [DurableInbox.Stream(shard), Stream(shard)], [entryId]);
        if (added.IsNull)
        {
            return false;
        }

        await redis.GetSubscriber().PublishAsync(DurableInbox.Appended, 1);
        return true;
    }

    private async Task WriteAsync(int shard, RedisValue entryId, InboxEntry? entry, int attempts, Exception failure)
    {
        // Bodies stay encrypted in the dead letters (an inbox entry's already is; a polled update's is encrypted here).
        entry = entry is null ? null : bodies.Seal(entry);
        await redis.GetDatabase().ScriptEvaluateAsync(
            MoveScript,
            [DurableInbox.Stream(shard), Stream(shard)],
            [
                DurableInbox.Group, entryId, entry?.Channel ?? string.Empty, entry?.Student ?? string.Empty, entry?.EventId ?? string.Empty,
                entry?.Body ?? string.Empty, attempts, failure.GetType().Name, time.GetUtcNow().ToUnixTimeMilliseconds(), KeptPerShard,
            ]);
    }

    private static DeadLetter ToDeadLetter(int shard, StreamEntry e) => new(
        shard.ToString(CultureInfo.InvariantCulture) + "-" + e.Id,
        (string?)e["ch"] ?? string.Empty,
        (string?)e["student"] ?? string.Empty,
        (string?)e["id"] ?? string.Empty,
        (int?)e["tries"] ?? 0,
        (string?)e["error"] ?? string.Empty,
        DateTimeOffset.FromUnixTimeMilliseconds((long?)e["at"] ?? 0));

    /// <summary>"shard-streamId", e.g. 3-1764000000000-0; anything else is refused before it reaches Redis.</summary>
    private static bool TryParseId(string id, out int shard, out string entryId)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        entryId = dash > 0 ? id[(dash + 1)..] : string.Empty;
        return int.TryParse(id.AsSpan(0, Math.Max(0, dash)), NumberStyles.None, CultureInfo.InvariantCulture, out shard)
            && shard is >= 0 and < DurableInbox.ShardCount
            && entryId.Length is > 2 and < 48
            && entryId.All(c => char.IsAsciiDigit(c) || c == '-');
    }
}
