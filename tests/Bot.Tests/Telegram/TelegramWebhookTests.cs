using Bot.Tests.Hosting;
using System.Net;
using System.Text.Json.Nodes;
using Bot.Dialogs.Conversation;
using Bot.Host.Inbox;
using Bot.Host.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Bot.Tests.Dialogs;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>Telegram in webhook mode: two real host processes' worth of hosts on one Redis, the fake Bot API over HTTP.</summary>
[Collection(RedisCollection.Name)]
public class TelegramWebhookTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "telegram-webhook-secret-4f1c9e27b8d3a650";
    private const string PublicBaseUrl = "https://arc-helper.example.test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FakeTelegramServer telegram = null!;
    private BotHost first = null!;
    private BotHost second = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();
        first = await StartHostAsync();
        second = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task RegistersItsWebhookWithTheSecretAndTheUpdatesItHandles()
    {
        await telegram.WaitUntilAsync(t => t.Webhook is not null, Timeout);

        var webhook = telegram.Webhook!;
        Assert.Equal(PublicBaseUrl + "/webhooks/telegram", (string?)webhook["url"]);
        Assert.Equal(Secret, (string?)webhook["secret_token"]);
        Assert.Equal(["message", "callback_query"], webhook["allowed_updates"]!.AsArray().Select(u => (string?)u));
    }

    [Fact]
    public async Task TwoHostsAnswerEveryUpdateExactlyOnceInEachStudentsOrder()
    {
        // Wait until the hosts have split the shards, so both really handle updates.
        await WaitUntilBothHostsReadTheInboxAsync();

        string[] said = ["/start", "/help", "hello", "/status", "/help", "/language"];
        var students = Enumerable.Range(1, 6).Select(i => 7_000_000L + i).ToList();
        var expected = new Dictionary<long, List<string>>();
        foreach (var student in students)
        {
            var dialog = new DialogDriver(now: DateTimeOffset.UtcNow);
            expected[student] = [.. said.SelectMany(text => dialog.Send(Inbound.FromText(text, "en")).Last.Replies).Select(r => TelegramHtml.Render(r.Text))];
        }

        // Interleave the students, then post the updates alternately to the two hosts, each one twice (a redelivery).
        foreach (var text in said)
        {
            foreach (var student in students)
            {
                _ = text.StartsWith('/') ? telegram.EnqueueCommand(student, text) : telegram.EnqueueText(student, text);
            }
        }

        var updates = telegram.TakePending();
        for (var i = 0; i < updates.Count; i++)
        {
            var (host, other) = i % 2 == 0 ? (first, second) : (second, first);
            Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(host.Url("/webhooks/telegram"), updates[i], Secret));
            Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(other.Url("/webhooks/telegram"), updates[i], Secret));
        }

        foreach (var student in students)
        {
            var calls = await telegram.WaitForCallsAsync(student, expected[student].Count, Timeout);
            Assert.Equal(expected[student], calls.Select(c => c.Text));
        }

        // A marker after everything: once it is answered, any duplicate of an earlier update would have been sent before it.
        var marker = students[0];
        telegram.EnqueueCommand(marker, "/help");
        Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(first.Url("/webhooks/telegram"), telegram.TakePending()[0], Secret));
        var all = await telegram.WaitForCallsAsync(marker, expected[marker].Count + 1, Timeout);
        Assert.Equal(expected[marker].Count + 1, all.Count);
        Assert.Empty(telegram.Violations);
    }

    [Fact]
    public async Task AWrongOrMissingSecretIsRefused()
    {
        telegram.EnqueueText(7_100_001, "hello");
        var update = telegram.TakePending()[0];

        Assert.Equal(HttpStatusCode.Unauthorized, await telegram.PostUpdateToWebhookAsync(first.Url("/webhooks/telegram"), update, "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await telegram.PostUpdateToWebhookAsync(second.Url("/webhooks/telegram"), update, null));

        // Accepted with the right secret afterwards: the refused posts were not recorded as seen.
        Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(first.Url("/webhooks/telegram"), update, Secret));
        await telegram.WaitForCallsAsync(7_100_001, 1, Timeout);
    }

    [Fact]
    public async Task ThePasswordStepOffersNoCheckBecauseAWebhookIsStoredBeforeItIsHandled()
    {
        // A student who has just registered (saved as an earlier version of the bot saved records).
        const long student = 7_200_001;
        var registered = new DialogDriver(now: DateTimeOffset.UtcNow).ToRegistration().Register();
        await using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await connection.GetDatabase().StringSetAsync(Bot.Host.Storage.StudentStore.RecordKey(new("tg", student.ToString(System.Globalization.CultureInfo.InvariantCulture))), StudentStateJson.Serialize(registered.State));
        }

        telegram.EnqueueCommand(student, "/status");
        Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(first.Url("/webhooks/telegram"), telegram.TakePending()[0], Secret));

        var answer = (await telegram.WaitForCallsAsync(student, 1, Timeout))[^1];
        Assert.Contains("don't type your NIA password in this chat", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ButtonData.CheckPassword, answer.CallbackData);
        Assert.DoesNotContain(telegram.Calls, c => c.Method == "deleteMessage");
    }

    private async Task WaitUntilBothHostsReadTheInboxAsync()
    {
        var a = Processor(first);
        var b = Processor(second);
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var changed = Task.WhenAny(a.OwnershipChanged, b.OwnershipChanged);
            if (a.OwnedShards > 0 && b.OwnedShards > 0 && a.OwnedShards + b.OwnedShards == DurableInbox.ShardCount)
            {
                return;
            }

            await changed.WaitAsync(deadline.Token);
        }
    }

    private static InboxProcessor Processor(BotHost host) => host.Services.GetServices<IHostedService>().OfType<InboxProcessor>().Single();

    private Task<BotHost> StartHostAsync() => BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Telegram:BotToken"] = telegram.Token,
        ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookSecret"] = Secret,
        ["Bot:PublicBaseUrl"] = PublicBaseUrl,
    });
}
