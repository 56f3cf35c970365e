using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Cluster;

/// <summary>On a Redis Cluster every primary has its own eviction policy: one that may evict is refused like a single Redis.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisEvictionCheckOnClusterTests(RedisClusterFixture redis)
{
    [Fact]
    public async Task RefusesToStartWhenAnyPrimaryMayEvictKeys()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");

        // Every node but the first of the connection string: a check of one node would pass.
        var others = redis.ConnectionString.Split(',').Skip(1).Select(e => admin.GetServer(e)).ToList();
        try
        {
            foreach (var node in others)
            {
                await node.ConfigSetAsync("maxmemory-policy", "allkeys-lru");
            }

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString }));
            Assert.Contains("maxmemory-policy is 'allkeys-lru'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var node in others)
            {
                await node.ConfigSetAsync("maxmemory-policy", "noeviction");
            }
        }
    }
}
