using Bot.Host.Storage;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Host;

/// <summary>A Redis that may evict keys (student records have TTLs, so volatile-* evicts them first) is refused at start.</summary>
public sealed class RedisEvictionCheckTests
{
    private static async Task<RedisServer> RedisWithAsync(params string[] arguments) =>
        await RedisServer.StartAsync(new RedisServerOptions { ExtraArguments = arguments });

    [Theory]
    [InlineData("volatile-lru")]
    [InlineData("allkeys-lru")]
    public async Task RefusesToStartOnARedisThatMayEvictKeysAndSaysWhatToChange(string policy)
    {
        await using var redis = await RedisWithAsync("--maxmemory-policy", policy);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString }));

        Assert.Contains($"maxmemory-policy is '{policy}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:AllowEvictionPolicy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartsWithALoudWarningWhenTheEvictionPolicyIsExplicitlyAllowed()
    {
        await using var redis = await RedisWithAsync("--maxmemory-policy", "volatile-lru");
        var logs = new RecordedLogs();

        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString, ["Storage:AllowEvictionPolicy"] = "true" },
            b => b.Logging.AddProvider(logs));

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Category == typeof(RedisEvictionCheck).FullName && e.Message.Contains("volatile-lru", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartsAndWarnsWhenRedisRefusesConfigAsManagedRedisDoes()
    {
        await using var redis = await RedisWithAsync("--rename-command", "CONFIG", "");
        var logs = new RecordedLogs();

        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString },
            b => b.Logging.AddProvider(logs));

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(RedisEvictionCheck).FullName && e.Message.Contains("refused CONFIG", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartsQuietlyOnANoEvictionRedis()
    {
        await using var redis = await RedisWithAsync("--maxmemory-policy", "noeviction");
        var logs = new RecordedLogs();

        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString },
            b => b.Logging.AddProvider(logs));

        Assert.DoesNotContain(logs.Entries, e => e.Category == typeof(RedisEvictionCheck).FullName);
    }
}
