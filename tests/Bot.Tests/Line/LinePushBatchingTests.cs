using System.Net;
using System.Text.Json.Nodes;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Limits;
using Bot.Host.Line;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Line;

/// <summary>
/// Replies too late for LINE's free reply token share pushes (LINE counts a push per recipient, not per message), and
/// a student flooding the bot costs at most a few pushes: on a fake clock, so the batch window passes when the test says.
/// </summary>
[Collection(RedisCollection.Name)]
public class LinePushBatchingTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "line-push-batching-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private FakeLinePlatform platform = null!;
    private BotHost host = null!;
    private ConnectionMultiplexer admin = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        platform = await FakeLinePlatform.StartAsync();
        host = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
                ["Line:ChannelSecret"] = Secret,
                ["Line:ChannelAccessToken"] = platform.ChannelAccessToken,
                ["Line:ApiBaseUrl"] = platform.ApiBaseUrl,
                ["Line:DataApiBaseUrl"] = platform.DataApiBaseUrl,
                ["Line:PushBatchWindow"] = "00:00:02",

                // The client's own retries would hide the failure this class injects; the queue retries instead.
                ["Line:MaxRetryAttempts"] = "0",
                ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
                ["Limits:TurnBurst"] = "3",
                ["Limits:TurnsPerMinute"] = "1",
            },
            b => b.Services.AddSingleton<TimeProvider>(time));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
        await admin.DisposeAsync();
    }

    [Fact]
    public async Task RepliesOfSeveralLateTurnsGoOutInOnePushInOrder()
    {
        var user = NewUser();
        var driver = new DialogDriver(now: time.GetUtcNow());
        string[] said = ["/help", "/status", "/help"];
        var expected = said.SelectMany(text => driver.Send(Inbound.FromText(text)).Last.Replies.Select(r => r.PlainText)).ToList();
        Assert.InRange(expected.Count, said.Length, LineLimits.MaxMessagesPerCall);

        // The host was down: the events arrive two minutes late, their reply tokens too old to use.
        await SendAsync([.. said.Select(text => Late(platform.TextMessage(user, text)))]);
        await WaitForQueuedItemsAsync(user, said.Length);
        Assert.Empty(platform.MessagesTo(user));

        await AdvanceUntilAsync(() => platform.MessagesTo(user).Count >= expected.Count);
        var messages = platform.MessagesTo(user);
        Assert.Equal(expected, messages.Select(m => m.Text));
        Assert.Single(platform.Requests, r => r.Path == "/v2/bot/message/push");
        Assert.DoesNotContain(platform.Requests, r => r.Path == "/v2/bot/message/reply");
        await WaitForQueuedItemsAsync(user, 0);
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task APushLineRefusesForNowIsRetriedLaterWithTheSameRetryKeyAndArrivesOnce()
    {
        var user = NewUser();
        var expected = new DialogDriver(now: time.GetUtcNow()).Send(Inbound.FromText("/help")).Last.Replies.Select(r => r.PlainText).ToList();
        await SendAsync([Late(platform.TextMessage(user, "/help"))]);
        await WaitForQueuedItemsAsync(user, 1);

        platform.FailNext(1, 500);

        // The flusher sets its timer after each look: step the clock until the window has passed for it.
        await AdvanceUntilAsync(() => platform.Requests.Any(r => r.Path == "/v2/bot/message/push"));
        Assert.Empty(platform.MessagesTo(user));

        // Still queued, with its plan: the next try, after the back-off, sends the same push.
        await AdvanceUntilAsync(() => platform.MessagesTo(user).Count >= expected.Count);
        var messages = platform.MessagesTo(user);
        Assert.Equal(expected, messages.Select(m => m.Text));
        var pushes = platform.Requests.Where(r => r.Path == "/v2/bot/message/push").ToList();
        Assert.Equal(2, pushes.Count);
        Assert.Equal(pushes[0].Headers["X-Line-Retry-Key"], pushes[1].Headers["X-Line-Retry-Key"]);
        await WaitForQueuedItemsAsync(user, 0);
    }

    [Fact]
    public async Task AFreshTurnDoesNotOvertakeLateRepliesStillWaiting()
    {
        var user = NewUser();
        var driver = new DialogDriver(now: time.GetUtcNow());
        string[] said = ["/help", "/status"];
        var expected = said.SelectMany(text => driver.Send(Inbound.FromText(text)).Last.Replies.Select(r => r.PlainText)).ToList();

        await SendAsync([Late(platform.TextMessage(user, "/help"))]);
        await WaitForQueuedItemsAsync(user, 1);
        await SendAsync([platform.TextMessage(user, "/status")]);

        // The fresh turn joined the queue and asked for a flush now: no window to wait for.
        var messages = await platform.WaitForMessagesAsync(user, expected.Count, Timeout);
        Assert.Equal(expected, messages.Select(m => m.Text));
    }

    [Fact]
    public async Task AFloodingStudentCostsOnePushNotOneAMessage()
    {
        var user = NewUser();
        var driver = new DialogDriver(now: time.GetUtcNow());
        var answered = Enumerable.Range(0, 3).SelectMany(_ => driver.Send(Inbound.FromText("hello")).Last.Replies.Select(r => r.PlainText)).ToList();
        var notice = MessageCatalogue.Default.Text(Language.English, StudentLimits.SlowDownKey);

        await SendAsync([.. Enumerable.Range(0, 30).Select(_ => Late(platform.TextMessage(user, "hello")))]);

        // Three turns (the burst) and the one notice wait in the queue; the other 26 messages cost nothing.
        await WaitForQueuedItemsAsync(user, 4);
        await AdvanceUntilAsync(() => platform.MessagesTo(user).Count >= answered.Count + 1);
        var messages = platform.MessagesTo(user);
        Assert.Equal([.. answered, notice], messages.Select(m => m.Text));
        var pushes = platform.Requests.Count(r => r.Path == "/v2/bot/message/push");
        Assert.Equal((answered.Count + 1 + LineLimits.MaxMessagesPerCall - 1) / LineLimits.MaxMessagesPerCall, pushes);
    }

    private string NewUser()
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        platform.SetProfile(user, "Student", "en");
        return user;
    }

    private JsonObject Late(JsonObject evt)
    {
        evt["timestamp"] = time.GetUtcNow().AddMinutes(-2).ToUnixTimeMilliseconds();
        return evt;
    }

    private async Task SendAsync(JsonObject[] events)
    {
        using var response = await platform.SendEventsAsync(host.Url("/webhooks/line"), Secret, events);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Moves the fake clock a second at a time until the condition holds: the flusher sets its own timers after each
    /// attempt, so one big step could land before the timer it should fire exists.
    /// </summary>
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        for (var second = 0; second < 60 && !condition(); second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await platform.WaitUntilAsync(_ => condition(), TimeSpan.FromMilliseconds(200), "the next flush");
            }
            catch (TimeoutException)
            {
                // Not yet: another second.
            }
        }

        Assert.True(condition(), "the flusher did not deliver within a minute of (fake) time");
    }

    /// <summary>Turns and flushes run on the host's own schedule: this watches the queue in Redis until it holds this many items.</summary>
    private async Task WaitForQueuedItemsAsync(string user, int items)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (await admin.GetDatabase().ListLengthAsync(LinePushQueue.QueueKey(user)) != items)
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
