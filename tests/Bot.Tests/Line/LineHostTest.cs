using System.Net;
using Bot.Host.Inbox;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using StackExchange.Redis;

namespace Bot.Tests.Line;

/// <summary>A clean Redis, the fake LINE platform and the real host with LINE on, for each test; students talk through <see cref="LineStudent"/>.</summary>
public abstract class LineHostTest(RedisFixture redis) : IAsyncLifetime
{
    public const string Secret = "line-host-test-channel-secret";

    protected RedisFixture Redis { get; } = redis;

    protected FakeLinePlatform Platform { get; private set; } = null!;

    protected BotHost Host { get; private set; } = null!;

    /// <summary>The Redis the host uses: the shared fixture's, unless a test class brings its own (e.g. with an append-only file).</summary>
    protected virtual string RedisConnectionString => Redis.ConnectionString;

    /// <summary>Settings a test class adds to (or changes in) the host's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services a test class replaces (e.g. the clock).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public virtual async Task InitializeAsync()
    {
        await Redis.FlushAsync();
        Platform = await FakeLinePlatform.StartAsync();
        Host = await StartHostAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Platform.DisposeAsync();
    }

    /// <summary>A new LINE user who has followed the bot (and got its greeting); <paramref name="language"/> is their LINE profile's.</summary>
    protected async Task<LineStudent> FollowAsync(string? language = null)
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        Platform.SetProfile(user, "Student", language);
        var student = new LineStudent(Platform, Host, user);
        await student.Send(Platform.Follow(user));
        return student;
    }

    /// <summary>Stops the host and starts a new one on the same Redis and platform (a restart, or new settings).</summary>
    protected async Task RestartHostAsync()
    {
        await Host.DisposeAsync();
        Host = await StartHostAsync();
    }

    private Task<BotHost> StartHostAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = RedisConnectionString,
            ["Line:ChannelSecret"] = Secret,
            ["Line:ChannelAccessToken"] = Platform.ChannelAccessToken,
            ["Line:ApiBaseUrl"] = Platform.ApiBaseUrl,
            ["Line:DataApiBaseUrl"] = Platform.DataApiBaseUrl,
            ["Line:RetryBaseDelay"] = "00:00:00.010",
            ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return BotHost.StartAsync(settings, Configure);
    }
}

/// <summary>A LINE user typing and tapping in their chat with the bot, through the fake platform's signed webhooks.</summary>
public sealed class LineStudent(FakeLinePlatform platform, BotHost host, string userId)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public string UserId => userId;

    /// <summary>The bot's messages since the student's last action.</summary>
    public IReadOnlyList<DeliveredMessage> LastMessages { get; private set; } = [];

    /// <summary>Their text, one message after another.</summary>
    public string LastAnswer => string.Join("\n---\n", LastMessages.Select(m => m.Text ?? (string?)m.Message["altText"] ?? m.Type));

    /// <summary>The postback data of the quick-reply buttons under the bot's last message.</summary>
    public IReadOnlyList<string> Buttons =>
        LastMessages.Count == 0 ? [] : [.. (LastMessages[^1].Message["quickReply"]?["items"]?.AsArray() ?? [])
            .Select(item => (string?)item!["action"]!["data"]).OfType<string>()];

    public Task<LineStudent> Say(string text) => Send(platform.TextMessage(userId, text));

    /// <summary>Sends a postback as a tap does (a button the bot no longer shows can still be tapped in an older message).</summary>
    public Task<LineStudent> Press(string data) => Send(platform.Postback(userId, data));

    /// <summary>Sends the event and waits until the inbox has handled it (an entry leaves the inbox only once answered).</summary>
    public async Task<LineStudent> Send(System.Text.Json.Nodes.JsonObject evt)
    {
        var before = platform.MessagesTo(userId).Count;
        var response = await platform.SendEventsAsync(host.Url("/webhooks/line"), LineHostTest.Secret, evt);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var db = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(Enumerable.Range(0, DurableInbox.ShardCount).Select(s => db.StreamLengthAsync(DurableInbox.Stream(s))))).Sum() == 0,
            Patience,
            "the inbox to handle the event");
        LastMessages = [.. platform.MessagesTo(userId).Skip(before)];
        return this;
    }
}

public static class LineStudentSteps
{
    public static async Task<LineStudent> Then(this Task<LineStudent> student, Func<LineStudent, Task<LineStudent>> next) =>
        await next(await student);

    public static Task<LineStudent> Say(this Task<LineStudent> student, string text) => student.Then(s => s.Say(text));

    public static Task<LineStudent> Press(this Task<LineStudent> student, string data) => student.Then(s => s.Press(data));

    /// <summary>From the password step through the account steps and the extension request, to the photo.</summary>
    public static Task<LineStudent> ExtensionRequest(this Task<LineStudent> s) => s
        .Press("go:next").Press("go:next").Press("go:next")
        .Say("A800000005").Press("v:master").Press("v:studying").Say("國立臺灣大學").Press("v:registered").Press("v:1").Press("v:no").Press("v:no");

    /// <summary>The personal data page's answers (after the documents), up to the review.</summary>
    public static Task<LineStudent> PersonalData(this Task<LineStudent> s) => s
        .Say("2031-05-31").Say("2027-01-31").Press("v:bachelor").Say("國立臺灣大學").Say("2").Press("v:single").Say("0912345678")
        .Press("v:TPE").Say("大安區").Press("nav:skip").Press("nav:skip").Say("羅斯福路四段").Press("nav:skip").Press("nav:skip").Say("1號")
        .Say("王小明").Press("nav:skip").Say("02-33663366").Press("v:TW").Press("v:counter").Press("v:TPE");

    /// <summary>The registration page's answers (the dialog walkthrough's), up to the password step.</summary>
    public static Task<LineStudent> Register(this Task<LineStudent> s, string surname = "nguyen") => s
        .Press("nav:skip").Press("v:two").Say(surname).Say("van an").Press("v:VN").Say("2001-09-23").Press("v:m")
        .Say("c1234567").Say("+84 912 345 678").Press("nav:skip").Say("an.nguyen@example.com");
}
