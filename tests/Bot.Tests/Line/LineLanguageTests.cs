using System.Net;
using Bot.Dialogs.Conversation;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Line;

/// <summary>The language a student's LINE app is set to (the profile's "language") is the one the bot greets them in.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineLanguageTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "line-language-test-secret";
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
            ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task AStudentWhoseLineIsInIndonesianIsGreetedInIndonesian()
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        platform.SetProfile(user, "Siti", "id");
        var expected = new DialogDriver(now: DateTimeOffset.UtcNow).Send(Inbound.Joined("id")).Last.Replies.Select(r => r.PlainText).ToList();

        var response = await platform.SendEventsAsync(host.Url("/webhooks/line"), Secret, platform.Follow(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var messages = await platform.WaitForMessagesAsync(user, expected.Count, Timeout);
        Assert.Equal(expected, messages.Select(m => m.Text));
        Assert.Contains(messages, m => m.Text?.StartsWith("Halo! Saya ARC Helper", StringComparison.Ordinal) == true);
        Assert.Equal("Bahasa Indonesia", (string?)messages[^1].Message["quickReply"]!["items"]![0]!["action"]!["label"]);
        Assert.Empty(platform.Violations);
    }
}
