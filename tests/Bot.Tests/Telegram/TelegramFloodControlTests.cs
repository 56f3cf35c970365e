using Bot.Host.Telegram;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>Telegram's flood control (a sliding second, 429 with retry_after) against the real host: a 429 delays a reply, never loses it.</summary>
[Collection(RedisCollection.Name)]
public sealed class TelegramFloodControlTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private FakeTelegramServer telegram = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();
    }

    public async Task DisposeAsync() => await telegram.DisposeAsync();

    /// <summary>The host as shipped: replies paced at 29 a second, Telegram.Bot's own 429 retries off.</summary>
    private Task<BotHost> StartHostAsync(FakeTelegramServer fake) =>
        BotHost.StartAsync(new Dictionary<string, string?>(BotHost.TelegramSettings(redis.ConnectionString, fake)) { ["Telegram:MessagesPerSecond"] = "29" });

    [Fact]
    public async Task SixtyStudentsWritingAtOnceToABotAllowedTenMessagesASecondEachGetTheirReplyOnce()
    {
        // Telegram.Bot alone retried a refused send 3 times, one second apart: with 60 sends against 10 a second, a sixth were dropped.
        telegram.MessagesPerSecondLimit = 10;
        await using var host = await StartHostAsync(telegram);
        var students = Enumerable.Range(0, 60).Select(i => 9_100_000L + i).ToList();

        foreach (var student in students)
        {
            telegram.EnqueueCommand(student, "/start");
        }

        foreach (var student in students)
        {
            await telegram.WaitForCallsAsync(student, 1, Patience);
        }

        Assert.Contains(telegram.Calls, c => c.ErrorCode == 429);
        Assert.All(students, s => Assert.Single(telegram.Transcript(s), c => c.Method == "sendMessage"));
        Assert.Equal(students.Count, telegram.Calls.Where(c => c.Method == "sendMessage" && c.Succeeded).Select(c => c.ChatId).Distinct().Count());
        Assert.Empty(telegram.Violations);
    }

    [Fact]
    public async Task A429OnOneHostPausesAndSlowsTheOtherHostsToo()
    {
        // Two hosts of one bot on one Redis; each polls its own fake here so that only the first one meets the limit.
        await using var quiet = await FakeTelegramServer.StartAsync();
        await using var busy = await StartHostAsync(telegram);
        await using var other = await StartHostAsync(quiet);
        var otherFlood = other.Services.GetRequiredService<TelegramFloodControl>();
        Assert.Equal(29, otherFlood.Rate);

        telegram.MessagesPerSecondLimit = 1;
        telegram.EnqueueCommand(9_200_001, "/start");
        telegram.EnqueueCommand(9_200_002, "/start");
        await telegram.WaitUntilAsync(t => t.Calls.Any(c => c.ErrorCode == 429), Patience);

        await Eventually.TrueAsync(() => otherFlood.Rate < 29, Patience, "the other host to slow down");
        await telegram.WaitForCallsAsync(9_200_001, 1, Patience);
        await telegram.WaitForCallsAsync(9_200_002, 1, Patience);
    }
}
