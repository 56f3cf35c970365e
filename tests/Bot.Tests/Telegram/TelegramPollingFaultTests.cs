using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>Polling when a turn cannot be done: the offset never passes an update that was not handled.</summary>
public sealed class TelegramPollingFaultTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private FakeTelegramServer telegram = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        // Its own Redis, killed and started again by the test; the AOF (fsync always) keeps what was acknowledged.
        redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true, AppendFsync = "always" });
        telegram = await FakeTelegramServer.StartAsync();
        try
        {
            host = await BotHost.StartAsync(new Dictionary<string, string?>(BotHost.TelegramSettings(redis.ConnectionString, telegram))
            {
                ["Delivery:RetryDelay"] = "00:00:00.050",
                ["Delivery:MaxRetryDelay"] = "00:00:00.200",
                ["Delivery:MaxAttempts"] = "100",
            });
        }
        catch
        {
            // xUnit does not call DisposeAsync when InitializeAsync fails: leave no redis-server behind.
            await telegram.DisposeAsync();
            await redis.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await telegram.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task AnUpdateWhoseTurnFailsWhileRedisIsDownIsNeitherConfirmedNorLostAndIsAnsweredWhenRedisIsBack()
    {
        var student = new TelegramStudent(telegram, 6001);
        await student.Say("/start").Press("lang:en");

        await redis.KillAsync();
        var polls = telegram.Polls;
        var update = telegram.EnqueueCommand(6001, "/help");

        // The bot keeps polling (and retrying the turn) while Redis is down, but never confirms the update it could not handle.
        await telegram.WaitUntilAsync(t => t.Polls >= polls + 4, TelegramStudent.Patience);
        Assert.True(telegram.ConfirmedOffset <= update);
        var before = student.Transcript.Count;

        await redis.RestartAsync();

        await telegram.WaitUntilAsync(t => t.ConfirmedOffset > update, TelegramStudent.Patience);
        var answer = Assert.Single(student.Transcript.Skip(before), c => c.Method == "sendMessage");
        Assert.Contains("/status", answer.Text, StringComparison.Ordinal);
        Assert.Empty(telegram.Violations);
    }
}
