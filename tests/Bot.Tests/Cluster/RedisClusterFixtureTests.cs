using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Cluster;

/// <summary>The cluster the tests run on is a real one: three masters sharing the slots, refusing what spans slots.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterFixtureTests(RedisClusterFixture redis)
{
    [Fact]
    public async Task ThreeMastersShareTheSlotsAndAScriptSpanningSlotsIsRefused()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.Equal(RedisCluster.Masters, connection.GetServers().Count(s => !s.IsReplica));

        // Keys of one hash tag share a slot; a script over two students' keys is refused (by the client, which routes it).
        var db = connection.GetDatabase();
        const string TwoKeys = "redis.call('SET', KEYS[1], 1); redis.call('SET', KEYS[2], 2)";
        await db.ScriptEvaluateAsync(TwoKeys, ["st:{tg:1}", "ob:{tg:1}"]);
        var error = await Assert.ThrowsAsync<RedisCommandException>(() => db.ScriptEvaluateAsync(TwoKeys, ["st:{tg:1}", "st:{tg:2}"]));
        Assert.Contains("single slot", error.Message, StringComparison.Ordinal);

        // A key a script names only in its arguments is refused by the node when it lives on another one.
        var home = db.IdentifyEndpoint("st:{tg:1}");
        var elsewhere = Enumerable.Range(0, 100).Select(i => $"k{i}").First(k => !Equals(db.IdentifyEndpoint(k), home));
        var undeclared = await Assert.ThrowsAsync<RedisServerException>(() => db.ScriptEvaluateAsync("redis.call('SET', KEYS[1], 1); redis.call('SET', ARGV[1], 2)", ["st:{tg:1}"], [elsewhere]));
        Assert.Contains("non local key", undeclared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushEmptiesEveryNode()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var keys = Enumerable.Range(0, 30).Select(i => (RedisKey)$"flush:{i}").ToArray();
        await Task.WhenAll(keys.Select(k => db.StringSetAsync(k, "x")));
        Assert.Equal(keys.Length, (await RedisKeys.AllAsync(connection, "flush:*")).Count);

        await redis.FlushAsync();

        Assert.Empty(await RedisKeys.AllAsync(connection, "flush:*"));
    }
}
