using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>Keys by pattern on every primary (SCAN, never KEYS): for maintenance (rewrap) and rare erasures (/delete).</summary>
public static class RedisScan
{
    public static async IAsyncEnumerable<RedisKey> KeysAsync(IConnectionMultiplexer redis, string pattern)
    {
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (!server.IsConnected || server.IsReplica)
            {
                continue;
            }

            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000))
            {
                yield return key;
            }
        }
    }

    /// <summary>A literal for a SCAN pattern: glob characters in it match only themselves.</summary>
    public static string Literal(string value)
    {
        var escaped = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
