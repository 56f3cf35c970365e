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

    /// <summary>Settings a test class adds to (or changes in) the host's test configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services a test class replaces in the host (a fake clock).</summary>
    protected virtual void ConfigureHost(WebApplicationBuilder builder)
    {
    }

    private Task<BotHost> StartHostAsync()
    {
        var settings = BotHost.TelegramSettings(Redis.ConnectionString, Telegram);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return BotHost.StartAsync(settings, ConfigureHost);
    }
}
