using Bot.Host.Telegram;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>Several hosts in polling mode on one Redis: one polls, the others stand by and take over when it dies or stops.</summary>
[Collection(RedisCollection.Name)]
public class TelegramPollingHandoverTests(RedisFixture redis) : IAsyncLifetime
{
    private const int Students = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<BotHost> hosts = [];
    private FakeTelegramServer telegram = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task WhenThePollerDiesTheStandbyTakesOverAndEveryUpdateIsAnsweredExactlyOnce()
    {
        var first = await StartHostAsync();
        await telegram.WaitUntilAsync(t => t.IsPolling, Patience);
        var second = await StartHostAsync();
        var sent = new int[Students];
        await Task.WhenAll(Enumerable.Range(0, Students).Select(i => WriteAsync(i, rounds: 3, sent)));
        Assert.Equal(0, telegram.Conflicts);

        // The first student's replies fail for now, so their update stays unfinished on the poller and holds the offset
        // Telegram has confirmed; the other students' updates after it are answered, finished, but not yet confirmed.
        telegram.FailSends(UserId(0), int.MaxValue);
        var held = telegram.EnqueueText(UserId(0), "/help");
        sent[0]++;
        var finished = new List<long>();
        for (var i = 1; i < Students; i++)
        {
            finished.Add(telegram.EnqueueText(UserId(i), "/help"));
            sent[i]++;
        }

        await telegram.WaitUntilAsync(t => Enumerable.Range(1, Students - 1).All(i => Messages(t, UserId(i)) == sent[i]), Patience);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(finished.Select(id => connection.GetDatabase().SortedSetScoreAsync(PollingLease.DoneKey, id)))).All(s => s is not null),
            Patience,
            "the poller to record the finished updates");
        Assert.True(telegram.ConfirmedOffset <= held);

        // The poller dies; Telegram can send again; students keep writing, to the host that is left.
        await first.KillAsync();
        telegram.StopFailingSends(UserId(0));
        await Task.WhenAll(Enumerable.Range(0, Students).Select(i => WriteAsync(i, rounds: 3, sent)));

        // Every update handled, none answered twice: the held one once (from the turn the dead host saved), the finished
        // ones not again, the new ones once.
        await telegram.WaitUntilAsync(t => t.ConfirmedOffset > held && t.PendingUpdates == 0, Patience);
        for (var i = 0; i < Students; i++)
        {
            Assert.Equal(sent[i], Messages(telegram, UserId(i)));
        }

        // No 409 storm: at most the dead host's last poll, had Telegram not noticed it was gone.
        Assert.InRange(telegram.Conflicts, 0, 1);
        Assert.Empty(telegram.Violations);
        GC.KeepAlive(second);
    }

    [Fact]
    public async Task AHostThatStopsHandsThePollingOverAtOnce()
    {
        // A 10 s lease renewed every second: were it not given back, the other host could poll only ~9 s after the stop.
        var first = await StartHostAsync(lease: "00:00:10");
        await telegram.WaitUntilAsync(t => t.IsPolling, Patience);
        var second = await StartHostAsync(lease: "00:00:10");
        var student = new TelegramStudent(telegram, UserId(0));
        await student.Say("/help");

        await first.StopAsync();
        var update = telegram.EnqueueText(UserId(0), "/help");

        await telegram.WaitUntilAsync(t => t.ConfirmedOffset > update, TimeSpan.FromSeconds(6));
        Assert.Equal(2, Messages(telegram, UserId(0)));
        Assert.Equal(0, telegram.Conflicts);
        Assert.Empty(telegram.Violations);
        GC.KeepAlive(second);
    }

    private static long UserId(int i) => 9100 + i;

    private static int Messages(FakeTelegramServer t, long chatId) => t.Transcript(chatId).Count(c => c.Method == "sendMessage");

    /// <summary>A student writing <paramref name="rounds"/> times, each time once the previous message was answered.</summary>
    private async Task WriteAsync(int student, int rounds, int[] sent)
    {
        for (var round = 0; round < rounds; round++)
        {
            await telegram.WaitForCallsAsync(UserId(student), sent[student], Patience);
            telegram.EnqueueText(UserId(student), "/help");
            sent[student]++;
        }

        await telegram.WaitForCallsAsync(UserId(student), sent[student], Patience);
    }

    private async Task<BotHost> StartHostAsync(string lease = "00:00:05")
    {
        var settings = BotHost.TelegramSettings(redis.ConnectionString, telegram);

        // A short lease keeps the test short (a dead poller is replaced within it); the default is 10 s.
        settings["Telegram:PollingLease"] = lease;
        settings["Telegram:PollingLeaseRenewal"] = "00:00:01";

        // Failed sends are retried (not dead-lettered) while the test needs them to fail.
        settings["Delivery:MaxAttempts"] = "100";
        settings["Delivery:RetryDelay"] = "00:00:00.050";
        settings["Delivery:MaxRetryDelay"] = "00:00:00.200";
        var host = await BotHost.StartAsync(settings);
        hosts.Add(host);
        return host;
    }
}
