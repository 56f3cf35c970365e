using System.Net;
using System.Text.Json.Nodes;
using Bot.Dialogs.Conversation;
using Bot.Host.Inbox;
using Bot.Host.Telegram;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Bot.Tests.Host;

/// <summary>
/// Redis restarting (kill -9, then started again on its data directory with AOF, fsync always) while students are writing
/// to the Telegram webhook: no accepted webhook and no turn is lost, nothing is answered twice, every student's order holds.
/// </summary>
public sealed class RedisRestartTests : IAsyncLifetime
{
    private const string Secret = "redis-restart-webhook-secret-7d2e91b4a6c3";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string[] Said = ["/start", "/help", "hello", "/status", "/help", "/language"];

    private RedisServer redis = null!;
    private FakeTelegramServer telegram = null!;
    private BotHost host = null!;

    /// <summary>Updates Telegram has not yet had a 200 for.</summary>
    private readonly Queue<JsonObject> unposted = new();

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true, AppendFsync = "always" });
        telegram = await FakeTelegramServer.StartAsync();
        try
        {
            host = await BotHost.StartAsync(new Dictionary<string, string?>(BotHost.TelegramSettings(redis.ConnectionString + ",syncTimeout=2000,asyncTimeout=2000,connectTimeout=1000", telegram))
            {
                ["Telegram:Mode"] = "Webhook",
                ["Telegram:WebhookSecret"] = Secret,
                ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
                ["Delivery:RetryDelay"] = "00:00:00.050",
                ["Delivery:MaxRetryDelay"] = "00:00:00.500",
                ["Delivery:MaxAttempts"] = "100",

                // A lease taken just before the kill survives in the AOF; a short one frees the student soon after the restart.
                ["Storage:TurnLeaseSeconds"] = "2",
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
    public async Task EveryStudentGetsEveryReplyOnceAndInOrderThoughRedisRestartsMidLoad()
    {
        var students = Enumerable.Range(1, 20).Select(i => 8_800_000L + i).ToList();
        var expected = students.ToDictionary(s => s, _ => Expected());

        // Three rounds accepted; Redis killed while their turns run; the next rounds are posted until accepted, as Telegram
        // redelivers a webhook it got no 200 for; Redis comes back on its AOF.
        for (var round = 0; round < Said.Length; round++)
        {
            foreach (var student in students)
            {
                _ = Said[round].StartsWith('/') ? telegram.EnqueueCommand(student, Said[round]) : telegram.EnqueueText(student, Said[round]);
            }

            if (round == 3)
            {
                await redis.KillAsync();
                var refused = await PostAllAsync(untilAccepted: false);
                Assert.NotEqual(HttpStatusCode.OK, refused);
                await redis.RestartAsync();
            }

            await PostAllAsync(untilAccepted: true);
        }

        foreach (var student in students)
        {
            var calls = await telegram.WaitForCallsAsync(student, expected[student].Count, Patience);
            Assert.Equal(expected[student], calls.Select(c => c.Text));
        }

        // A marker after everything: once it is answered, a duplicate of any earlier update would have been sent before it.
        telegram.EnqueueCommand(students[0], "/help");
        await PostAllAsync(untilAccepted: true);
        Assert.Equal(expected[students[0]].Count + 1, (await telegram.WaitForCallsAsync(students[0], expected[students[0]].Count + 1, Patience)).Count);
        Assert.All(students.Skip(1), s => Assert.Equal(expected[s].Count, telegram.Transcript(s).Count));
        Assert.Empty(telegram.Violations);
    }

    [Fact]
    public async Task AnInboxEntryReadJustBeforeTheConnectionDroppedWhoseAnswerWasLostIsStillHandled()
    {
        var processor = host.Services.GetServices<IHostedService>().OfType<InboxProcessor>().Single();
        await Eventually.TrueAsync(() => processor.OwnedShards == DurableInbox.ShardCount, Patience, "the host to read every shard");
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var consumer = (string)(await db.SortedSetRangeByRankAsync(DurableInbox.Hosts)).Single()!;

        // The student's shard has been read (its first claim is done): their first message is answered.
        telegram.EnqueueCommand(8_810_001, "/help");
        await PostAllAsync(untilAccepted: true);
        await telegram.WaitForCallsAsync(8_810_001, 1, Patience);

        // Redis ran the host's XREADGROUP, then the connection dropped before the answer came back: the entry is pending
        // for this host, which never saw it (done here in one script, so the host cannot read it first), and the host's
        // connections are cut.
        telegram.EnqueueCommand(8_810_001, "/start");
        var update = telegram.TakePending().Single();
        var shard = DurableInbox.ShardOf("tg:8810001");
        await db.ScriptEvaluateAsync(
            """
            redis.call('XADD', KEYS[1], '*', 'ch', 'tg', 'student', 'tg:8810001', 'id', ARGV[2], 'body', ARGV[3])
            return redis.call('XREADGROUP', 'GROUP', 'hosts', ARGV[1], 'COUNT', 100, 'STREAMS', KEYS[1], '>')
            """,
            [DurableInbox.Stream(shard)],
            [consumer, update["update_id"]!.ToString(), update.ToJsonString()]);

        Assert.StartsWith(":", await Infrastructure.RedisProtocol.SendAsync(redis.Port, CancellationToken.None, "CLIENT", "KILL", "TYPE", "normal"), StringComparison.Ordinal);

        await telegram.WaitForCallsAsync(8_810_001, 2, Patience);
        Assert.Equal(2, telegram.Transcript(8_810_001).Count);
    }

    private static List<string> Expected()
    {
        var dialog = new DialogDriver(now: DateTimeOffset.UtcNow);
        return [.. Said.SelectMany(text => dialog.Send(Inbound.FromText(text, "en")).Last.Replies).Select(r => TelegramHtml.Render(r.Text))];
    }

    /// <summary>
    /// Posts the queued updates in order, as Telegram delivers them; an update not accepted stays first in line, the same
    /// update (same update_id) posted again later. Returns the first refusal, or 200 when all were accepted.
    /// </summary>
    private async Task<HttpStatusCode> PostAllAsync(bool untilAccepted)
    {
        foreach (var update in telegram.TakePending())
        {
            unposted.Enqueue(update);
        }

        var deadline = DateTime.UtcNow + Patience;
        while (unposted.TryPeek(out var update))
        {
            var status = await telegram.PostUpdateToWebhookAsync(host.Url(TelegramWebhookEndpoint.Path), update, Secret);
            if (status == HttpStatusCode.OK)
            {
                unposted.Dequeue();
                continue;
            }

            if (!untilAccepted || DateTime.UtcNow > deadline)
            {
                return status;
            }

            // Telegram's own pause before delivering again (not a synchronisation: the post is simply repeated).
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return HttpStatusCode.OK;
    }
}
