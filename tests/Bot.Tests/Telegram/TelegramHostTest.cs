using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>A clean Redis, a fake Bot API and the real host polling it, for each test.</summary>
public abstract class TelegramHostTest(RedisFixture redis) : IAsyncLifetime
{
    protected RedisFixture Redis { get; } = redis;

    protected FakeTelegramServer Telegram { get; private set; } = null!;

    protected BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.FlushAsync();
        Telegram = await FakeTelegramServer.StartAsync();
        Host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Telegram.DisposeAsync();
    }

    /// <summary>Stops the host and starts a new one on the same Redis and fake (a restart).</summary>
    protected async Task RestartHostAsync()
    {
        await Host.DisposeAsync();
        Host = await StartHostAsync();
    }

    private Task<BotHost> StartHostAsync() => BotHost.StartAsync(BotHost.TelegramSettings(Redis.ConnectionString, Telegram));
}
