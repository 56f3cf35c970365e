using Bot.Tests.Hosting;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Dialogs.Conversation;
using Bot.Host.Inbox;
using Bot.Tests.Dialogs;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using StackExchange.Redis;

namespace Bot.Tests.Line;

/// <summary>The real host with LINE on, a real Redis and the fake LINE platform over HTTP.</summary>
[Collection(RedisCollection.Name)]
public class LineWebhookTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "line-webhook-test-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FakeLinePlatform platform = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        platform = await FakeLinePlatform.StartAsync();
        host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }

    private Bot.Host.Conversation.IChannelPusher LinePusher =>
        host.Services.GetServices<Bot.Host.Conversation.IChannelPusher>().Single(p => p.Channel == "line");

    /// <summary>A new user who has followed the bot and got its greeting.</summary>
    private async Task<string> FollowedUserAsync()
    {
        var user = NewUser();
        await SendAsync(platform.Follow(user));
        await platform.WaitForMessagesAsync(user, 1, Timeout);
        return user;
    }

    [Fact]
    public async Task AStudentCompletesTheExtensionApplicationInChinese()
    {
        var user = NewUser("zh-TW");
        var expected = new DialogDriver(now: DateTimeOffset.UtcNow);

        await SendAndCompareAsync(user, platform.Follow(user), expected.Send(Inbound.Joined("zh-TW")));
        var welcome = platform.MessagesTo(user)[^1];
        Assert.Equal("中文（繁體）", (string?)welcome.Message["quickReply"]!["items"]![0]!["action"]!["label"]);

        foreach (var (isButton, value) in Walkthrough)
        {
            var evt = isButton ? platform.Postback(user, value) : platform.TextMessage(user, value);
            await SendAndCompareAsync(user, evt, isButton ? expected.Send(Inbound.Button(value)) : expected.Send(Inbound.FromText(value)));
        }

        var all = platform.MessagesTo(user);
        // The summary's pages are Flex cards: each label beside its value and a copy button.
        Assert.Contains(all, m => LineTranscript.Strings(m).Contains("居留證號") && LineTranscript.Strings(m).Contains("A800000005"));
        Assert.Contains(all, m => LineTranscript.Strings(m).Contains("英文姓氏"));
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task AStudentCompletesAFirstApplicationInEnglishAndReportsTheApproval()
    {
        var user = NewUser("en");
        var expected = new DialogDriver(now: DateTimeOffset.UtcNow);
        var entered = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await SendAndCompareAsync(user, platform.Follow(user), expected.Send(Inbound.Joined("en")));
        (bool IsButton, string Value)[] steps =
        [
            (true, "lang:en"), (true, "v:first"),
            .. Walkthrough[2..16],
            (false, entered), (true, "v:resident"), (true, "v:master"), (true, "v:no"), (false, "國立臺灣大學"), (true, "v:registered"), (true, "v:1"),
            (true, "go:next"), (true, "go:next"), (true, "go:next"), (true, "go:next"), (true, "go:next"), (true, "go:next"),
            (false, "2031-05-31"), .. Walkthrough[31..],
            (false, "104522736210"), (true, "case:approved"), (true, "case:today"),
        ];
        foreach (var (isButton, value) in steps)
        {
            var evt = isButton ? platform.Postback(user, value) : platform.TextMessage(user, value);
            await SendAndCompareAsync(user, evt, isButton ? expected.Send(Inbound.Button(value)) : expected.Send(Inbound.FromText(value)));
        }

        var all = platform.MessagesTo(user);
        Assert.Contains(all, m => LineTranscript.Strings(m).Contains("首次申請 First application"));
        Assert.Contains(all, m => LineTranscript.Strings(m).Contains("入境日期") && LineTranscript.Strings(m).Contains(entered));
        Assert.Contains("NT$1,000", all[^1].Text + all[^2].Text, StringComparison.Ordinal);
        using var http = new HttpClient();
        var pdf = all.First(m => m.Type == "template");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await http.GetByteArrayAsync(Local((string)pdf.Message["template"]!["actions"]![0]!["uri"]!)))[..5], StringComparison.Ordinal);
        Assert.Equal("Tracking", expected.State.Phase);
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task ARedeliveredEventIsAnsweredOnce()
    {
        var user = NewUser();
        var follow = platform.Follow(user);
        await SendAsync(follow);
        await platform.WaitForMessagesAsync(user, 1, Timeout);
        var replies = ReplyCalls();

        Assert.Equal(HttpStatusCode.OK, (await platform.SendEventsAsync(WebhookUrl, Secret, FakeLinePlatform.Redelivery(follow))).StatusCode);
        await SendAsync(platform.TextMessage(user, "/help"));
        await WaitForReplyCallsAsync(replies + 1);

        // The redelivery came before /help, and the student's events are handled in order: had it run, it would show here.
        Assert.Equal(replies + 1, ReplyCalls());
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task ForgedAndUnsignedWebhooksAreRefusedAndChangeNothing()
    {
        var user = NewUser();
        var body = platform.CallbackBody(platform.TextMessage(user, "hello"));
        using var http = new HttpClient();

        using var unsigned = new StringContent(body, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(WebhookUrl, unsigned)).StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forged.Headers.Add("X-Line-Signature", Bot.Host.Line.LineSignature.Compute(Encoding.UTF8.GetBytes(body), "not-the-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        for (var shard = 0; shard < DurableInbox.ShardCount; shard++)
        {
            Assert.Equal(0, await db.StreamLengthAsync(DurableInbox.Stream(shard)));
        }

        Assert.Empty(await RedisKeys.AllAsync(connection, "*seen*"));
        Assert.Empty(await RedisKeys.AllAsync(connection, "st:*"));
        // Only the webhook URL and the rich menus set at start: no reply, push or profile call.
        Assert.DoesNotContain(platform.Requests, r => !r.Path.StartsWith("/v2/bot/channel/", StringComparison.Ordinal) && !r.Path.Contains("/richmenu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheVerifyCallWithNoEventsGets200()
    {
        var response = await platform.SendEventsAsync(WebhookUrl, Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StandbyEventsAreIgnoredAndOversizedBodiesRefused()
    {
        var user = NewUser();
        var standby = platform.TextMessage(user, "hello");
        standby["mode"] = "standby";
        await SendAsync(standby);
        await SendAsync(platform.TextMessage(user, "/help"));
        await WaitForReplyCallsAsync(1);

        using var http = new HttpClient();
        using var huge = new ByteArrayContent(new byte[WebhookBody.MaxBytes + 1]);
        var response = await http.PostAsync(WebhookUrl, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // Had the standby event been handled, it would have been answered before /help.
        Assert.Equal(1, ReplyCalls());
    }

    [Fact]
    public async Task FailsAtStartNamingThePublicBaseUrlWhenLineIsOnWithoutIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartHostAsync(new() { ["Bot:PublicBaseUrl"] = "" }));

        Assert.Contains("Bot:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwentyStudentsAtOnceDoNotCrossAnswers()
    {
        string[] Steps(int i) => ["lang:zh", "v:ext", "nav:skip", "v:two", "Nguyen" + (char)('a' + i)];

        // One student alone first: how many messages the same steps bring.
        var reference = NewUser();
        await SendAsync(platform.Follow(reference));
        await platform.WaitForMessagesAsync(reference, 1, Timeout);
        foreach (var step in Steps(0))
        {
            var before = platform.MessagesTo(reference).Count;
            await SendAsync(step.Contains(':', StringComparison.Ordinal) ? platform.Postback(reference, step) : platform.TextMessage(reference, step));
            await platform.WaitForMessagesAsync(reference, before + 1, Timeout);
        }

        var perStudent = platform.MessagesTo(reference).Count;

        // Then twenty at once, each sending all its events without waiting for answers: order is the bot's job.
        var users = Enumerable.Range(0, 20).Select(_ => NewUser()).ToList();
        await Task.WhenAll(users.Select(async (user, i) =>
        {
            await SendAsync(platform.Follow(user));
            foreach (var step in Steps(i))
            {
                await SendAsync(step.Contains(':', StringComparison.Ordinal) ? platform.Postback(user, step) : platform.TextMessage(user, step));
            }
        }));
        await Task.WhenAll(users.Select(user => platform.WaitForMessagesAsync(user, perStudent, Timeout)));

        var referenceTexts = platform.MessagesTo(reference).Select(m => m.Text).ToList();
        var store = host.Services.GetRequiredService<Bot.Host.Storage.StudentStore>();
        for (var i = 0; i < users.Count; i++)
        {
            // The dialog echoes the surname: each student sees exactly the reference conversation with their own name.
            var own = "NGUYEN" + (char)('A' + i);
            Assert.Equal(referenceTexts.Select(t => t?.Replace("NGUYENA", own, StringComparison.Ordinal)), platform.MessagesTo(users[i]).Select(m => m.Text));
            var record = await store.ReadAsync(new("line", users[i]));
            Assert.Equal(own, StudentStateJson.Deserialize(record!).Answer("surname"));
        }

        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task AnEventAcceptedByAHostThatStoppedIsAnsweredAfterTheRestart()
    {
        // This host only accepts: it stops between answering 200 and handling the event.
        await host.DisposeAsync();
        var user = NewUser();
        await using (var acceptOnly = await StartHostAsync(new() { ["Inbox:Consume"] = "false" }))
        {
            var response = await platform.SendEventsAsync(acceptOnly.Url("/webhooks/line"), Secret, platform.Follow(user));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(platform.MessagesTo(user));
        host = await StartHostAsync();

        var messages = await platform.WaitForMessagesAsync(user, 1, Timeout);
        Assert.Contains("請選擇語言", messages[0].Text, StringComparison.Ordinal);
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task EntriesAHostTookButNeverFinishedAreClaimedAndAnsweredByTheNextOwner()
    {
        await host.DisposeAsync();
        var user = NewUser();
        await using (var acceptOnly = await StartHostAsync(new() { ["Inbox:Consume"] = "false" }))
        {
            Assert.Equal(HttpStatusCode.OK, (await platform.SendEventsAsync(acceptOnly.Url("/webhooks/line"), Secret, platform.Follow(user))).StatusCode);
        }

        // A host that read the entry and died before acknowledging it: the entry is pending for that consumer.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await new DurableInbox(connection, new InboxBodies(TestKeys.Cipher())).EnsureGroupsAsync();
        var taken = 0;
        for (var shard = 0; shard < DurableInbox.ShardCount; shard++)
        {
            taken += (await connection.GetDatabase().StreamReadGroupAsync(DurableInbox.Stream(shard), DurableInbox.Group, "dead-host", StreamPosition.NewMessages)).Length;
        }

        Assert.Equal(1, taken);
        host = await StartHostAsync();

        var messages = await platform.WaitForMessagesAsync(user, 1, Timeout);
        Assert.Contains("請選擇語言", messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnfollowMarksTheStudentUnreachableAndFollowingAgainClearsIt()
    {
        var user = await FollowedUserAsync();

        await SendAsync(platform.Unfollow(user));
        await SendAsync(platform.TextMessage(user, "/help"));
        await platform.WaitForMessagesAsync(user, 2, Timeout);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await connection.GetDatabase().SetContainsAsync(Bot.Host.Line.LineReachability.Unreachable, user));
        var pusher = LinePusher;
        Assert.Equal(Bot.Host.Conversation.PushResult.Blocked, await pusher.PushAsync(user, [new Reply("reminder")], sendKey: null, CancellationToken.None));

        await SendAsync(platform.Follow(user));
        await platform.WaitForMessagesAsync(user, 3, Timeout);
        Assert.False(await connection.GetDatabase().SetContainsAsync(Bot.Host.Line.LineReachability.Unreachable, user));
        Assert.Equal(Bot.Host.Conversation.PushResult.Sent, await pusher.PushAsync(user, [new Reply("reminder")], sendKey: null, CancellationToken.None));
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task AReminderSentAgainAfterACrashReachesTheStudentOnce()
    {
        var user = await FollowedUserAsync();
        var pusher = LinePusher;
        IReadOnlyList<Reply> reminder = [new Reply("Pay the ARC fee by 2026-12-21.")];

        // The host that sent it died before recording it; the next one sends the same reminder again.
        Assert.Equal(Bot.Host.Conversation.PushResult.Sent, await pusher.PushAsync(user, reminder, "reminder|line:" + user + "|pay-3", CancellationToken.None));
        Assert.Equal(Bot.Host.Conversation.PushResult.Sent, await pusher.PushAsync(user, reminder, "reminder|line:" + user + "|pay-3", CancellationToken.None));
        Assert.Equal(Bot.Host.Conversation.PushResult.Sent, await pusher.PushAsync(user, [new Reply("Your ARC card is ready.")], "reminder|line:" + user + "|ready", CancellationToken.None));

        var messages = await platform.WaitForMessagesAsync(user, 3, Timeout);
        Assert.Equal(["Pay the ARC fee by 2026-12-21.", "Your ARC card is ready."], messages.Skip(1).Select(m => m.Text));
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task DeletingMyDataAlsoForgetsTheButtonsOfMessagesSentToMe()
    {
        var user = await FollowedUserAsync();
        IReadOnlyList<Reply> reminder = [new Reply("Have you paid the fee?", [[new Choice("Paid", "case:paid")]])];
        Assert.Equal(Bot.Host.Conversation.PushResult.Sent, await LinePusher.PushAsync(user, reminder, sendKey: null, CancellationToken.None));
        await platform.WaitForMessagesAsync(user, 2, Timeout);

        // The host's own connection: its fire-and-forget write is ahead of this read.
        var db = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.True(await db.KeyExistsAsync(Bot.Host.Line.LineQuotedButtons.ButtonsKey(user)));

        await SendAsync(platform.TextMessage(user, "/delete"));
        await platform.WaitForMessagesAsync(user, 3, Timeout);
        await SendAsync(platform.Postback(user, "del:yes"));
        await platform.WaitForMessagesAsync(user, 4, Timeout);

        Assert.False(await db.KeyExistsAsync(Bot.Host.Line.LineQuotedButtons.ButtonsKey(user)));
        Assert.False(await db.KeyExistsAsync(Bot.Host.Line.LineQuotedButtons.IndexKey(user)));
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task APhotoShowsTheLoadingAnimationAndIsAnswered()
    {
        var user = await FollowedUserAsync();
        platform.AddContent("photo-1", [0xFF, 0xD8, 0xFF, 0xD9], "image/jpeg");

        await SendAsync(platform.Image(user, "photo-1"));
        await platform.WaitForMessagesAsync(user, 2, Timeout);

        Assert.Contains(user, platform.LoadingShownFor);
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task PushedFilesAreServedByUnguessableLinksAndManyMessagesAreBatchedByFive()
    {
        var user = await FollowedUserAsync();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
        byte[] pdf = "%PDF-1.4 test"u8.ToArray();
        var replies = Enumerable.Range(1, 5).Select(i => new Reply($"note {i}"))
            .Append(new Reply("Your photo", File: new ReplyFile("photo.jpg", "image/jpeg", jpeg)))
            .Append(new Reply("Your form", [[new Choice("OK", "go:next")]], new ReplyFile("form.pdf", "application/pdf", pdf)))
            .ToList();
        var pusher = LinePusher;

        Assert.Equal(Bot.Host.Conversation.PushResult.Sent, await pusher.PushAsync(user, replies, sendKey: null, CancellationToken.None));

        var messages = (await platform.WaitForMessagesAsync(user, 9, Timeout)).Skip(1).ToList();
        Assert.All(platform.Requests.Where(r => r.Path == "/v2/bot/message/push"), r => Assert.True(r.Body!["messages"]!.AsArray().Count <= 5));
        var image = messages.Single(m => m.Type == "image");
        var link = messages.Single(m => m.Type == "template");
        using var http = new HttpClient();
        Assert.Equal(jpeg, await http.GetByteArrayAsync(Local((string)image.Message["originalContentUrl"]!)));
        Assert.Equal(pdf, await http.GetByteArrayAsync(Local((string)link.Message["template"]!["actions"]![0]!["uri"]!)));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(host.Url("/files/" + new string('A', 43)))).StatusCode);
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task InAGroupItAnswersOnlyWhenMentionedAndOnlyWithAPointerToThePrivateChat()
    {
        var user = NewUser();
        var plain = platform.TextMessage(user, "hello everyone");
        plain["source"] = new JsonObject { ["type"] = "group", ["groupId"] = "Cgroup1", ["userId"] = user };
        var mention = platform.TextMessage(user, "@ARC Helper how do I extend?");
        mention["source"] = new JsonObject { ["type"] = "group", ["groupId"] = "Cgroup1", ["userId"] = user };
        mention["message"]!["mention"] = new JsonObject
        {
            ["mentionees"] = new JsonArray(new JsonObject { ["index"] = 0, ["length"] = 10, ["type"] = "user", ["isSelf"] = true }),
        };

        await SendAsync(plain);
        await SendAsync(mention);

        // The reply token of the mention was issued to the user, so the fake files the answer under them.
        var answer = (await platform.WaitForMessagesAsync(user, 1, Timeout)).Single();
        Assert.Contains("一對一", answer.Text, StringComparison.Ordinal);
        Assert.Contains("private chat", answer.Text, StringComparison.Ordinal);
        Assert.Empty(platform.Violations);
    }

    /// <summary>ExtensionWalkthrough's answers after the welcome, in Chinese: (is a button, data or text).</summary>
    private static readonly (bool IsButton, string Value)[] Walkthrough =
    [
        (true, "lang:zh"), (true, "v:ext"),
        (true, "nav:skip"), (true, "v:two"), (false, "nguyen"), (false, "van an"), (true, "v:VN"), (false, "2001-09-23"), (true, "v:m"),
        (false, "c1234567"), (false, "+84 912 345 678"), (true, "nav:skip"), (false, "an.nguyen@example.com"),
        (true, "go:next"), (true, "go:next"), (true, "go:next"),
        (false, "A800000005"), (true, "v:master"), (true, "v:studying"), (false, "國立臺灣大學"), (true, "v:registered"), (true, "v:1"), (true, "v:no"), (true, "v:no"),
        (true, "go:next"), (true, "go:next"), (true, "go:next"), (true, "go:next"), (true, "go:next"),
        (false, "2031-05-31"), (false, "2027-01-31"), (true, "v:bachelor"), (false, "國立臺灣大學"), (false, "2"), (true, "v:single"), (false, "0912345678"),
        (true, "v:TPE"), (false, "大安區"), (true, "nav:skip"), (true, "nav:skip"), (false, "羅斯福路四段"), (true, "nav:skip"), (true, "nav:skip"), (false, "1號"),
        (false, "王小明"), (true, "nav:skip"), (false, "02-33663366"), (true, "v:TW"), (true, "v:counter"), (true, "v:TPE"),
        (true, "rev:ok"),
    ];

    private string WebhookUrl => host.Url("/webhooks/line");

    private Task<BotHost> StartHostAsync(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Line:ChannelSecret"] = Secret,
            ["Line:ChannelAccessToken"] = platform.ChannelAccessToken,
            ["Line:ApiBaseUrl"] = platform.ApiBaseUrl,
            ["Line:DataApiBaseUrl"] = platform.DataApiBaseUrl,
            ["Line:RetryBaseDelay"] = "00:00:00.010",
            ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return BotHost.StartAsync(settings);
    }

    /// <summary>Links carry Bot:PublicBaseUrl; in the test the host listens elsewhere.</summary>
    private string Local(string link) => host.Url(new Uri(link).AbsolutePath);

    private string NewUser(string? language = null)
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        platform.SetProfile(user, "Student", language);
        return user;
    }

    private async Task SendAsync(JsonObject evt)
    {
        var response = await platform.SendEventsAsync(WebhookUrl, Secret, evt);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Sends one event and checks the student got exactly what the dialog says for it, in order.</summary>
    private async Task SendAndCompareAsync(string user, JsonObject evt, DialogDriver expected)
    {
        var before = platform.MessagesTo(user).Count;
        var wanted = LineTranscript.Shown(expected.Last.Replies);
        await SendAsync(evt);
        var messages = await platform.WaitForMessagesAsync(user, before + wanted.Count, Timeout);
        Assert.Equal(wanted, messages.Skip(before).Select(m => m.Text ?? (string?)m.Message["template"]?["text"] ?? (string?)m.Message["altText"]));

        // Free replies while the token is fresh; only what does not fit in one reply (5 messages) is pushed.
        Assert.All(messages.Skip(before).Take(5), m => Assert.Equal("reply", m.Via));
    }

    private int ReplyCalls() => platform.Requests.Count(r => r.Path == "/v2/bot/message/reply");

    private Task WaitForReplyCallsAsync(int count) =>
        platform.WaitUntilAsync(p => p.Requests.Count(r => r.Path == "/v2/bot/message/reply") >= count, Timeout, $"{count} reply calls");
}
