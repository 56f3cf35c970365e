using System.Diagnostics;
using StackExchange.Redis;
using Xunit;

namespace Bot.Tests.Infrastructure;

[Collection(RedisCollection.Name)]
public sealed class RedisServerTests(RedisFixture redis)
{
    [Fact]
    public async Task FixtureServerAnswersPingThroughStackExchangeRedis()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        var latency = await connection.GetDatabase().PingAsync();

        Assert.True(latency >= TimeSpan.Zero);
    }

    [Fact]
    public async Task FlushEmptiesTheServer()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        await db.StringSetAsync("flush-test", "x");

        await redis.FlushAsync();

        Assert.False(await db.KeyExistsAsync("flush-test"));
    }

    [Fact]
    public async Task DisposeKillsTheProcess()
    {
        var server = await RedisServer.StartAsync();
        var pid = server.ProcessId;

        await server.DisposeAsync();

        Assert.False(IsAlive(pid));
        Assert.False(Directory.Exists(server.DataDirectory));
    }

    [Fact]
    public async Task AppendOnlyServerKeepsDataAcrossARestart()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true });
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            await connection.GetDatabase().StringSetAsync("survives", "yes");
        }

        await server.RestartAsync();

        await using var again = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        Assert.Equal("yes", (string?)await again.GetDatabase().StringGetAsync("survives"));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
