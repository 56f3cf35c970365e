using System.Runtime.CompilerServices;
using Bot.Dialogs.Reminders;
using Bot.Host.Advisors;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Roster;

/// <summary>A page of the roster: how many match in all, and the rows of the page asked for.</summary>
public sealed record RosterPage(long Total, int Page, int PageSize, IReadOnlyList<StudentSummary> Items);

/// <summary>
/// Reads the roster: every shard filters and sorts its own students in one script (set intersections, never a scan of
/// records), and the shards' answers are merged here by (score, student key), the order Redis itself uses, so a page is
/// exactly the page a single sorted set would give. Two waves of pipelined calls per page: the shards' first
/// <c>page × pageSize</c> keys, then the page's entries.
/// </summary>
public sealed class RosterSearch(IConnectionMultiplexer redis, StudentRoster roster, Storage.Encryption.StorageCipher cipher, TimeProvider time)
{
    public const int MaxPageSize = 200;

    /// <summary>Keys per read while streaming (CSV, audiences): what is held in memory per shard.</summary>
    public const int StreamChunk = 500;

    /// <summary>How long a streamed query's snapshot lives after its last read.</summary>
    private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMinutes(5);

    public async Task<RosterPage> PageAsync(RosterQuery query, RosterSort sort, bool descending, int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var now = time.GetUtcNow();
        if (query.Specs(TaipeiTime.DateOf(now), roster.Token) is not { } specs)
        {
            return new RosterPage(0, page, pageSize, []);
        }

        var offset = (long)(page - 1) * pageSize;
        if (sort == RosterSort.Name)
        {
            // Names are sealed, so no index orders them: every match is read, opened and sorted here.
            var (count, all) = await MatchesAsync(specs, now);
            return new RosterPage(count, page, pageSize, [.. ByName(all, descending).Skip((int)Math.Min(offset, int.MaxValue)).Take(pageSize)]);
        }

        var (total, heads) = await HeadsAsync(specs, sort, descending, offset + pageSize);
        var members = heads.Order(Comparer(descending)).Skip((int)Math.Min(offset, int.MaxValue)).Take(pageSize).Select(h => h.Member).ToList();
        return new RosterPage(total, page, pageSize, await SummariesAsync(members, now));
    }

    /// <summary>
    /// Every matching student in order, a chunk at a time: each shard's matches are kept as a snapshot (its own key, its
    /// own slot, expiring on its own), read <see cref="StreamChunk"/> keys at a time and merged. Nothing holds the whole list.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<StudentSummary>> StreamAsync(
        RosterQuery query, RosterSort sort, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (query.Specs(TaipeiTime.DateOf(now), roster.Token) is not { } specs)
        {
            yield break;
        }

        if (sort == RosterSort.Name)
        {
            // By name the whole list is read and sorted in memory (names are sealed): then handed out a chunk at a time.
            var (_, all) = await MatchesAsync(specs, now);
            foreach (var chunk in ByName(all, descending).Chunk(StreamChunk))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return chunk;
            }

            yield break;
        }

        var db = redis.GetDatabase();
        var rid = Guid.NewGuid().ToString("N");
        var answers = await Task.WhenAll(Enumerable.Range(0, RosterKeys.ShardCount).Select(shard =>
            db.ScriptEvaluateAsync(RosterScripts.Query, RosterKeys.FixedKeys(shard), Arguments(rid, "keep", sort, descending, (long)SnapshotLifetime.TotalMilliseconds, specs))));
        var cursors = answers.Select(a => new Cursor((RedisKey)(string)((RedisResult[])a!)[1]!, (long)((RedisResult[])a!)[0])).ToList();
        try
        {
            var comparer = Comparer(descending);
            var batch = new List<string>(StreamChunk);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.WhenAll(cursors.Where(c => c.NeedsMore).Select(c => c.FillAsync(db, descending, SnapshotLifetime)));
                var next = cursors.Where(c => c.HasHead).MinBy(c => c.Head, comparer);
                if (next is null)
                {
                    break;
                }

                batch.Add(next.Take().Member);
                if (batch.Count == StreamChunk)
                {
                    yield return await SummariesAsync(batch, now);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                yield return await SummariesAsync(batch, now);
            }
        }
        finally
        {
            // One DEL per snapshot: each lives in its own shard's slot (a multi-key DEL would fail on a cluster).
            await Task.WhenAll(cursors.Select(c => db.KeyDeleteAsync(c.Key)));
        }
    }

    /// <summary>Every student matching the filter, opened (in no particular order), and how many the shards counted.</summary>
    private async Task<(long Count, IReadOnlyList<StudentSummary> All)> MatchesAsync((int Count, List<RedisValue> Specs) specs, DateTimeOffset now)
    {
        var (count, heads) = await HeadsAsync(specs, RosterSort.Updated, false, int.MaxValue);
        return (count, await SummariesAsync([.. heads.Select(h => h.Member)], now));
    }

    /// <summary>How many match in all, and each shard's first <paramref name="take"/> in its order (one script per shard, pipelined).</summary>
    private async Task<(long Total, List<(string Member, double Score)> Heads)> HeadsAsync(
        (int Count, List<RedisValue> Specs) specs, RosterSort sort, bool descending, long take)
    {
        var db = redis.GetDatabase();
        var rid = Guid.NewGuid().ToString("N");
        var answers = await Task.WhenAll(Enumerable.Range(0, RosterKeys.ShardCount).Select(shard =>
            db.ScriptEvaluateAsync(RosterScripts.Query, RosterKeys.FixedKeys(shard), Arguments(rid, "page", sort, descending, take, specs))));
        long total = 0;
        var heads = new List<(string Member, double Score)>();
        foreach (var answer in answers)
        {
            var parts = (RedisResult[])answer!;
            total += (long)parts[0];
            var items = (RedisResult[])parts[1]!;
            for (var i = 0; i + 1 < items.Length; i += 2)
            {
                heads.Add(((string)items[i]!, (double)items[i + 1]));
            }
        }

        return (total, heads);
    }

    /// <summary>Alphabetical by name as advisors read it (no case, no accents), unnamed students last, then by student key.</summary>
    private static IEnumerable<StudentSummary> ByName(IReadOnlyList<StudentSummary> students, bool descending)
    {
        var sorted = students
            .Select(s => (Summary: s, Name: Bot.Dialogs.Messages.TypedText.Fold(s.Name ?? string.Empty).Trim()))
            .OrderBy(s => s.Name.Length == 0)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Summary.Key, StringComparer.Ordinal)
            .Select(s => s.Summary);
        return descending ? sorted.Reverse() : sorted;
    }

    /// <summary>The rows of these students (in this order), from their shards' entries; students no longer on the roster are left out.</summary>
    public async Task<IReadOnlyList<StudentSummary>> SummariesAsync(IReadOnlyList<string> members, DateTimeOffset now)
    {
        var db = redis.GetDatabase();
        var byShard = members.Select(m => StudentKey.Parse(m)).GroupBy(RosterKeys.ShardOf).ToList();
        var reads = byShard.Select(g => db.HashGetAsync(RosterKeys.Summaries(g.Key), [.. g.Select(k => (RedisValue)k.ToString())])).ToList();
        var values = await Task.WhenAll(reads);
        var found = new Dictionary<string, StudentSummary>(StringComparer.Ordinal);
        for (var i = 0; i < byShard.Count; i++)
        {
            var keys = byShard[i].ToList();
            for (var j = 0; j < keys.Count; j++)
            {
                if (!values[i][j].IsNull && RosterCodec.Decode(Open(keys[j], (byte[])values[i][j]!)) is { } entry)
                {
                    found[keys[j].ToString()] = entry.ToSummary(keys[j], now);
                }
            }
        }

        return [.. members.Where(found.ContainsKey).Select(m => found[m])];
    }

    private string Open(StudentKey student, byte[] stored) =>
        System.Text.Encoding.UTF8.GetString(cipher.OpenOrPlain(stored, StudentRoster.Context(student))!);

    internal static RedisValue[] Arguments(string rid, string mode, RosterSort sort, bool descending, long n, (int Count, List<RedisValue> Specs) specs, params RedisValue[] tail) =>
        [rid, mode, RosterQuery.KeyName(sort), descending ? "1" : "0", n, specs.Count, .. specs.Specs, .. tail];

    /// <summary>Redis' order within a sorted set: by score, then by member (bytes; student keys are ASCII).</summary>
    private static Comparer<(string Member, double Score)> Comparer(bool descending) => Comparer<(string Member, double Score)>.Create((a, b) =>
    {
        var order = a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(a.Member, b.Member);
        return descending ? -order : order;
    });

    /// <summary>One shard's snapshot, read a chunk at a time.</summary>
    private sealed class Cursor(RedisKey key, long count)
    {
        private readonly Queue<(string Member, double Score)> buffer = new();
        private long read;

        public RedisKey Key { get; } = key;

        public bool NeedsMore => buffer.Count == 0 && read < count;

        public bool HasHead => buffer.Count > 0;

        public (string Member, double Score) Head => buffer.Peek();

        public (string Member, double Score) Take() => buffer.Dequeue();

        public async Task FillAsync(IDatabase db, bool descending, TimeSpan lifetime)
        {
            var items = await db.SortedSetRangeByRankWithScoresAsync(Key, read, read + StreamChunk - 1, descending ? Order.Descending : Order.Ascending);
            _ = db.KeyExpireAsync(Key, lifetime, CommandFlags.FireAndForget);
            if (items.Length == 0)
            {
                throw new InvalidOperationException("A roster snapshot expired while it was read (a reader slower than its lifetime).");
            }

            read += items.Length;
            foreach (var item in items)
            {
                buffer.Enqueue((item.Element.ToString(), item.Score));
            }
        }
    }
}
