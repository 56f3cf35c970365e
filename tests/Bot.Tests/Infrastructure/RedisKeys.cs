using StackExchange.Redis;

namespace Bot.Tests.Infrastructure;

/// <summary>What a test sees in Redis: the keys of every primary (on a cluster each node holds only its own slots).</summary>
public static class RedisKeys
{
    public static async Task<IReadOnlyList<string>> AllAsync(IConnectionMultiplexer connection, string pattern = "*")
    {
        var keys = new List<string>();
        foreach (var server in connection.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: pattern))
            {
                keys.Add(key.ToString());
            }
        }

        return keys;
    }
}
