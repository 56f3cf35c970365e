using System.IO.Hashing;
using System.Text;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Roster;

/// <summary>
/// The roster lives in <see cref="ShardCount"/> shards, each under its own hash tag (<c>{ix:0}</c> … <c>{ix:15}</c>), so every
/// script touches one cluster slot: a student's entries are in the shard their key hashes to (xxHash32, like the inbox), a
/// turn writes only that shard, and a query asks every shard and merges. Per shard:
/// <list type="bullet">
/// <item><c>{ix:N}:sum</c> hash: student → their entry (compact JSON, <see cref="RosterCodec"/>), sealed like the records
/// (<see cref="Storage.Encryption.StorageCipher"/>); <c>:meta</c>: student → what the scripts need to unlink an entry
/// (channel, language, programme code, school, word tokens, save time), no name.</item>
/// <item>Sorted sets scored for sorting and ranges: <c>:upd</c> (activity, hour), <c>:stage</c>, <c>:due</c> (next deadline's day
/// number; none sorts last), <c>:name</c> and <c>:school</c> (the first ten letters as a number), <c>:exp</c> (ARC expiry, yyyyMM).</item>
/// <item>Sets for equality filters: <c>:ch:tg</c>, <c>:lang:vi</c>, <c>:prog:master</c>, <c>:sch:ntu</c>, <c>:adv</c> (with an advisor).</item>
/// <item><c>:words</c>: "token\0student" (score 0) for name search: a keyed token of every prefix (up to 12 letters) of
/// every word of the name, so the name is not readable; a search looks its words' tokens up, never a scan.</item>
/// <item><c>:gone</c>: a keyed token of the student → when they erased themselves (ms), so a late write cannot bring them
/// back; kept a day.</item>
/// </list>
/// </summary>
public static class RosterKeys
{
    /// <summary>Fixed: changing it means a rebuild (the shard of a student moves).</summary>
    public const int ShardCount = 16;

    /// <summary>The fixed keys of a shard, in the order every script receives them as KEYS.</summary>
    public static readonly string[] Fixed = ["sum", "upd", "stage", "due", "name", "school", "exp", "words", "adv", "gone", "meta"];

    /// <summary>Set when the roster was built from the records (by <see cref="RosterRebuild"/>); holds the roster's layout version.</summary>
    public static readonly RedisKey Built = "ix:built";

    /// <summary>The rebuild's lock (one host at a time) and progress (a hash: state, done, total, at).</summary>
    public static readonly RedisKey RebuildLock = "ix:rebuild:lock";

    public static readonly RedisKey RebuildProgress = "ix:rebuild";

    public static int ShardOf(StudentKey student) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(student.ToString())) % ShardCount);

    public static string Prefix(int shard) => $"{{ix:{shard}}}:";

    public static RedisKey Key(int shard, string name) => Prefix(shard) + name;

    public static RedisKey[] FixedKeys(int shard) => [.. Fixed.Select(name => Key(shard, name))];

    public static RedisKey Summaries(int shard) => Key(shard, "sum");
}
