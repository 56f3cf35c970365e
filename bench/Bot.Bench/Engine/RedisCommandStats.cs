using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>Redis' own count of calls per command (<c>INFO commandstats</c>); commands run inside Lua scripts count too.</summary>
internal static class RedisCommandStats
{
    public static async Task<Dictionary<string, long>> ReadAsync(IConnectionMultiplexer admin)
    {
        var info = (string?)await admin.GetDatabase().ExecuteAsync("INFO", "commandstats") ?? string.Empty;
        var stats = new Dictionary<string, long>();
        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith("cmdstat_", StringComparison.Ordinal))
            {
                var name = line[8..line.IndexOf(':', StringComparison.Ordinal)];
                var calls = line.Split(':')[1].Split(',')[0]["calls=".Length..];
                stats[name] = long.Parse(calls, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return stats;
    }
}
