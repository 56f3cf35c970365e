using StackExchange.Redis;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// Everything in a Redis, as an attacker with a dump would read it: every key's name and every value, read by type (GET,
/// HGETALL, LRANGE, SMEMBERS, ZRANGE, XRANGE: DUMP would hide strings behind its LZF compression), and the append-only
/// file's bytes when the server writes one.
/// </summary>
public sealed class RedisContents
{
    private RedisContents(IReadOnlyList<(string Key, byte[] Bytes)> items) => Items = items;

    /// <summary>Each key with its name and values, one entry per name or value.</summary>
    public IReadOnlyList<(string Key, byte[] Bytes)> Items { get; }

    public IEnumerable<string> Keys => Items.Select(i => i.Key).Distinct(StringComparer.Ordinal);

    public static async Task<RedisContents> ReadAsync(string connectionString)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
        var db = connection.GetDatabase();
        var items = new List<(string, byte[])>();
        foreach (var key in connection.GetServer(connection.GetEndPoints()[0]).Keys(pageSize: 1000))
        {
            var name = key.ToString();
            items.Add((name, (byte[])key!));
            var values = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => [await db.StringGetAsync(key)],
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }),
                RedisType.List => await db.ListRangeAsync(key),
                RedisType.Set => await db.SetMembersAsync(key),
                RedisType.SortedSet => (await db.SortedSetRangeByRankWithScoresAsync(key)).Select(e => e.Element),
                RedisType.Stream => (await db.StreamRangeAsync(key)).SelectMany(e => e.Values.SelectMany(v => new[] { v.Name, v.Value })),
                RedisType.None => [],
                var other => throw new InvalidOperationException($"{name} is a {other}: read it here too."),
            };
            items.AddRange(values.Where(v => !v.IsNull).Select(v => (name, (byte[])v!)));
        }

        return new RedisContents(items);
    }

    /// <summary>The keys whose name or a value contains <paramref name="needle"/>.</summary>
    public IReadOnlyList<string> KeysHolding(ReadOnlySpan<byte> needle)
    {
        var found = new List<string>();
        foreach (var (key, bytes) in Items)
        {
            if (bytes.AsSpan().IndexOf(needle) >= 0 && !found.Contains(key))
            {
                found.Add(key);
            }
        }

        return found;
    }

    /// <summary>The bytes of every append-only file under <paramref name="dataDirectory"/> (Redis 7: appendonlydir/).</summary>
    public static byte[] AppendOnlyFile(string dataDirectory) =>
        [.. Directory.EnumerateFiles(dataDirectory, "*.aof*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes)];
}
