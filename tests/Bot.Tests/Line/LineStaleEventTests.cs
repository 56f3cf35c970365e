using System.Net;
using Bot.Dialogs.Conversation;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using StackExchange.Redis;

namespace Bot.Tests.Line;

/// <summary>A captured, correctly signed LINE webhook replayed later: acknowledged, never handled.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineStaleEventTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "line-stale-event-test-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FakeLinePlatform platform = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        platform = await FakeLinePlatform.StartAsync();
        host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Line:ChannelSecret"] = Secret,
            ["Line:ChannelAccessToken"] = platform.ChannelAccessToken,
            ["Line:ApiBaseUrl"] = platform.ApiBaseUrl,
            ["Line:DataApiBaseUrl"] = platform.DataApiBaseUrl,
            ["Line:MaxEventAge"] = "01:00:00",
            ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task AnEventOlderThanTheMaximumAgeIsAcknowledgedWithoutATurn()
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        platform.SetProfile(user, "Student", null);
        var replayed = platform.TextMessage(user, "/delete");
        replayed["timestamp"] = DateTimeOffset.UtcNow.AddHours(-1).AddMinutes(-1).ToUnixTimeMilliseconds();
        var fresh = platform.TextMessage(user, "/help");

        // Both in one signed delivery, the old one first: had it been kept, the student's turns would run it first.
        var response = await platform.SendEventsAsync(host.Url("/webhooks/line"), Secret, replayed, fresh);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var expected = new DialogDriver(now: DateTimeOffset.UtcNow).Send(Inbound.FromText("/help")).Last.Replies.Count;
        var messages = await platform.WaitForMessagesAsync(user, expected, Timeout);
        Assert.Equal(expected, messages.Count);
        Assert.Single(platform.Requests, r => r.Path == "/v2/bot/message/reply");

        // The old event never entered the inbox (not even as "seen"), the fresh one did.
        var keys = await KeysAsync();
        Assert.DoesNotContain(keys, k => k.EndsWith(":seen:line:" + (string?)replayed["webhookEventId"], StringComparison.Ordinal));
        Assert.Contains(keys, k => k.EndsWith(":seen:line:" + (string?)fresh["webhookEventId"], StringComparison.Ordinal));
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        return [.. connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*seen*").Select(k => k.ToString())];
    }
}
