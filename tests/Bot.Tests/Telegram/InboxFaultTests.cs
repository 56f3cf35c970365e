using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Inbox;
using Bot.Host.Storage;
using Bot.Tests.Advisors;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>
/// The webhook inbox under faults (Telegram in webhook mode, so every update goes through it): an entry whose handling
/// fails is kept and tried again, one that keeps failing goes to the dead letters, which the dashboard lists and replays.
/// </summary>
[Collection(RedisCollection.Name)]
public class InboxFaultTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "telegram-webhook-secret-for-faults";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private FakeTelegramServer telegram = null!;
    private ConnectionMultiplexer connection = null!;

    private IDatabase Db => connection.GetDatabase();

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await connection.DisposeAsync();
        await telegram.DisposeAsync();
    }

    private Task<AdvisorTestHost> StartHostAsync(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
            ["Telegram:MessagesPerSecond"] = "0",

            // Each failure counted here is one delivery attempt: no retries inside the HTTP client.
            ["Telegram:MaxRetryAttempts"] = "0",
            ["Delivery:RetryDelay"] = "00:00:00.010",
            ["Delivery:MaxRetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return AdvisorTestHost.StartAsync(redis, telegram, overrides: settings);
    }

    /// <summary>Telegram delivers "/start" from the student to the host's webhook, which answers 200 once it is in the inbox.</summary>
    private async Task PostStartAsync(AdvisorTestHost host, long student)
    {
        telegram.EnqueueCommand(student, "/start");
        var update = telegram.TakePending().Single();
        Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(host.BaseUrl + "/webhooks/telegram", update, Secret));
    }

    [Fact]
    public async Task AnUpdateWhoseReplyFailsToSendIsTriedAgainUntilTheStudentHasItOnce()
    {
        await using var host = await StartHostAsync();
        telegram.FailSends(7_300_001, count: 8);

        await PostStartAsync(host, 7_300_001);

        await telegram.WaitForCallsAsync(7_300_001, 1, Patience);
        Assert.Equal(8, telegram.Calls.Count(c => c.ChatId == 7_300_001 && c.ErrorCode == 500));
        Assert.Single(telegram.Transcript(7_300_001), c => c.Method == "sendMessage");
        await Eventually.TrueAsync(async () => await InboxLengthAsync() == 0, Patience, "the entry to be acknowledged");
        Assert.Equal(0, await DeadLetterCountAsync());
    }

    [Fact]
    public async Task AnUpdateThatKeepsFailingIsDeadLetteredShownOnTheDashboardAndAnsweredWhenReplayed()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "3" });
        var cookie = await host.LoginAsync();
        telegram.FailSends(7_300_002, count: 1_000);

        await PostStartAsync(host, 7_300_002);

        await Eventually.TrueAsync(async () => await DeadLetterCountAsync() == 1, Patience, "the update to be dead-lettered");
        Assert.Equal(3, telegram.Calls.Count(c => c.ChatId == 7_300_002 && c.ErrorCode == 500));
        Assert.Empty(telegram.Transcript(7_300_002));
        Assert.Equal(0, await InboxLengthAsync());

        using var listed = await host.SendAsync(HttpMethod.Get, "/dashboard/api/dead-letters", cookie);
        var page = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, page.GetProperty("count").GetInt32());
        var letter = page.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("tg", letter.GetProperty("channel").GetString());
        Assert.Equal("tg:7300002", letter.GetProperty("student").GetString());
        Assert.Equal(3, letter.GetProperty("attempts").GetInt32());
        Assert.Equal("ApiRequestException", letter.GetProperty("error").GetString());
        Assert.False(letter.TryGetProperty("body", out _));

        // Telegram works again: an advisor replays it, and the student gets the reply they were owed.
        telegram.StopFailingSends(7_300_002);
        var id = letter.GetProperty("id").GetString()!;
        using var replayed = await host.SendAsync(HttpMethod.Post, $"/dashboard/api/dead-letters/{Uri.EscapeDataString(id)}/replay", cookie, new { });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);

        await telegram.WaitForCallsAsync(7_300_002, 1, Patience);
        Assert.Single(telegram.Transcript(7_300_002), c => c.Method == "sendMessage");
        Assert.Equal(0, await DeadLetterCountAsync());
        using var again = await host.SendAsync(HttpMethod.Post, $"/dashboard/api/dead-letters/{Uri.EscapeDataString(id)}/replay", cookie, new { });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task AnUpdateForAStudentBusyPastTheLeaseWaitsAndIsAnsweredOnceTheStudentIsFree()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["Storage:TurnLeaseSeconds"] = "1" });
        var student = new StudentKey("tg", "7300003");

        // Another turn holds the student far past the lease (a hung host that keeps renewing it).
        var store = new StudentStore(connection, Microsoft.Extensions.Options.Options.Create(new StorageOptions { TurnLeaseSeconds = 1 }), TestKeys.Cipher());
        var (held, _) = await store.TryBeginAsync(student);
        Assert.NotNull(held);
        Assert.True(await store.ExtendAsync(held!, TimeSpan.FromMinutes(1)));

        await PostStartAsync(host, 7_300_003);

        // The first attempt gives up after the lease + 5 s; the entry stays pending and is delivered again.
        await Eventually.TrueAsync(async () => await MostDeliveriesAsync() >= 2, Patience, "a second attempt at the update");
        // No reply yet; the student sees "typing…" while the turn waits for them.
        Assert.Empty(telegram.Transcript(7_300_003));
        Assert.Contains("typing", telegram.ChatActions(7_300_003));

        await store.ReleaseAsync(held!);
        await telegram.WaitUntilAsync(t => t.Transcript(7_300_003).Any(c => c.Method == "sendMessage"), Patience);
        Assert.Single(telegram.Transcript(7_300_003), c => c.Method == "sendMessage");
        Assert.Equal(0, await DeadLetterCountAsync());
    }

    private async Task<long> InboxLengthAsync()
    {
        long total = 0;
        for (var shard = 0; shard < DurableInbox.ShardCount; shard++)
        {
            total += await Db.StreamLengthAsync(DurableInbox.Stream(shard));
        }

        return total;
    }

    private async Task<long> DeadLetterCountAsync()
    {
        long total = 0;
        for (var shard = 0; shard < DurableInbox.ShardCount; shard++)
        {
            total += await Db.StreamLengthAsync(DeadLetters.Stream(shard));
        }

        return total;
    }

    /// <summary>The highest delivery count among the inbox's pending entries (how many attempts the busiest one has had).</summary>
    private async Task<int> MostDeliveriesAsync()
    {
        var most = 0;
        for (var shard = 0; shard < DurableInbox.ShardCount; shard++)
        {
            if (!await Db.KeyExistsAsync(DurableInbox.Stream(shard)))
            {
                continue;
            }

            var pending = await Db.StreamPendingMessagesAsync(DurableInbox.Stream(shard), DurableInbox.Group, 10, RedisValue.Null);
            most = Math.Max(most, pending.Select(p => p.DeliveryCount).DefaultIfEmpty(0).Max());
        }

        return most;
    }
}
