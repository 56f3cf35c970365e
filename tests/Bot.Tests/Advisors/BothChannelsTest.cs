using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Advisors;

/// <summary>A clean Redis and both platform fakes (Telegram and LINE) for each test; the test starts its own host.</summary>
public abstract class BothChannelsTest(RedisFixture redis) : IAsyncLifetime
{
    protected RedisFixture Redis { get; } = redis;

    protected FakeTelegramServer Telegram { get; private set; } = null!;

    protected FakeLinePlatform Line { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.FlushAsync();
        Telegram = await FakeTelegramServer.StartAsync();
        Line = await FakeLinePlatform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Telegram.DisposeAsync();
        await Line.DisposeAsync();
    }
}
