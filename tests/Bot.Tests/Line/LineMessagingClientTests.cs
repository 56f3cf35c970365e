using System.Net;
using System.Text;
using Bot.Host.Line;
using Bot.Host.Line.Api;
using Bot.Tests.Line.Fakes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Tests.Line;

public sealed class LineMessagingClientTests : IAsyncLifetime
{
    private const string User = "U4af4980629000000000000000000000a";
    private FakeLinePlatform platform = null!;
    private IHost host = null!;
    private LineMessagingClient client = null!;
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2025-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public async Task InitializeAsync()
    {
        platform = await FakeLinePlatform.StartAsync(time);
        host = LineTestHost.Build(platform, new Dictionary<string, string?> { ["Line:MaxContentBytes"] = "1000" });
        client = host.Client();
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task ReplyWithQuickRepliesAndAConfirmationPassesTheSpec()
    {
        var replyToken = ReplyTokenOf(platform.TextMessage(User, "hello"));
        var question = new TextMessage("Which document do you want to upload?")
        {
            QuickReply = new QuickReply(
            [
                new QuickReplyItem(new PostbackAction("Passport", "upload=passport", "Passport")),
                new QuickReplyItem(new MessageAction("Help", "/help")),
                new QuickReplyItem(new CameraAction("Camera")),
                new QuickReplyItem(new CameraRollAction("Gallery")),
                new QuickReplyItem(new UriAction("Website", "https://example.com/arc"), "https://example.com/icon.png"),
            ]),
        };
        var confirm = new TemplateMessage("Delete my data?", new ConfirmTemplate(
            "Delete all your data?", [new PostbackAction("Yes", "delete=yes"), new PostbackAction("No", "delete=no")]));
        var image = new ImageMessage("https://example.com/a.jpg", "https://example.com/a-small.jpg");

        var result = await client.ReplyAsync(replyToken, [question, confirm, image]);

        Assert.Equal(LineReplyStatus.Sent, result.Status);
        Assert.Equal(3, result.SentMessages.Count);
        Assert.Empty(platform.Violations);
        var received = await platform.WaitForMessagesAsync(User, 3, TimeSpan.FromSeconds(5));
        Assert.Equal(["text", "template", "image"], received.Select(m => m.Type));
        Assert.Equal("action", (string?)received[0].Message["quickReply"]!["items"]![0]!["type"]);
        Assert.All(received, m => Assert.Equal("reply", m.Via));
    }

    [Fact]
    public async Task RefusesSixMessagesBeforeSendingAnything()
    {
        var six = Enumerable.Range(1, 6).Select(i => (LineMessage)new TextMessage($"m{i}")).ToList();

        var error = await Assert.ThrowsAsync<LineLimitException>(() => client.PushAsync(User, six, Guid.NewGuid()));

        Assert.Contains("5", error.Message, StringComparison.Ordinal);
        Assert.Empty(platform.Requests);
    }

    [Fact]
    public async Task RefusesFourteenQuickRepliesAndOverlongTextBeforeSending()
    {
        var items = Enumerable.Range(1, 14).Select(i => new QuickReplyItem(new MessageAction($"o{i}", $"o{i}"))).ToList();
        var tooManyItems = new TextMessage("pick") { QuickReply = new QuickReply(items) };

        await Assert.ThrowsAsync<LineLimitException>(() => client.ReplyAsync("token", [tooManyItems]));
        await Assert.ThrowsAsync<LineLimitException>(() => client.ReplyAsync("token", [new TextMessage(new string('a', 5001))]));
        await Assert.ThrowsAsync<LineLimitException>(() => client.ReplyAsync("token",
            [new TextMessage("x") { QuickReply = new([new(new PostbackAction("A label longer than twenty", "d"))]) }]));
        Assert.Empty(platform.Requests);
    }

    [Fact]
    public async Task PushRetriesA500WithTheSameRetryKeyAndDeliversOnce()
    {
        var retryKey = Guid.NewGuid();
        platform.FailNext(1, 500);

        var result = await client.PushAsync(User, [new TextMessage("Your ARC is ready")], retryKey);

        Assert.Equal(LineSendStatus.Sent, result.Status);
        var pushes = platform.Requests.Where(r => r.Path == "/v2/bot/message/push").ToList();
        Assert.Equal([500, 200], pushes.Select(p => p.StatusCode));
        Assert.All(pushes, p => Assert.Equal(retryKey.ToString(), p.RetryKey));
        Assert.Single(platform.MessagesTo(User));
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task PushWithAnAlreadyAcceptedRetryKeyIsSuccessAndNotDeliveredTwice()
    {
        var retryKey = Guid.NewGuid();
        var first = await client.PushAsync(User, [new TextMessage("once")], retryKey);

        var second = await client.PushAsync(User, [new TextMessage("once")], retryKey);

        Assert.Equal(LineSendStatus.Sent, first.Status);
        Assert.Equal(LineSendStatus.AlreadyAccepted, second.Status);
        Assert.False(string.IsNullOrEmpty(second.AcceptedRequestId));
        Assert.Single(platform.MessagesTo(User));
    }

    [Fact]
    public async Task MulticastRetriesA429()
    {
        platform.FailNext(2, 429);

        var result = await client.MulticastAsync([User, "U2"], [new TextMessage("Office closed tomorrow")], Guid.NewGuid());

        Assert.Equal(LineSendStatus.Sent, result.Status);
        Assert.Equal(3, platform.Requests.Count(r => r.Path == "/v2/bot/message/multicast"));
        Assert.Single(platform.MessagesTo(User));
        Assert.Single(platform.MessagesTo("U2"));
    }

    [Fact]
    public async Task RefusesAMulticastToMoreThan500Users()
    {
        var to = Enumerable.Range(0, 501).Select(i => $"U{i}").ToList();
        await Assert.ThrowsAsync<LineLimitException>(() => client.MulticastAsync(to, [new TextMessage("hi")], Guid.NewGuid()));
        Assert.Empty(platform.Requests);
    }

    [Fact]
    public async Task BroadcastReachesEveryKnownUser()
    {
        platform.SetProfile(User, "Mei");
        platform.SetProfile("U2", "Arjun");

        var result = await client.BroadcastAsync([new TextMessage("New office hours")], Guid.NewGuid());

        Assert.Equal(LineSendStatus.Sent, result.Status);
        Assert.Single(platform.MessagesTo(User));
        Assert.Single(platform.MessagesTo("U2"));
    }

    [Fact]
    public async Task ReplyIsNeverRetried()
    {
        var replyToken = ReplyTokenOf(platform.TextMessage(User, "hi"));
        platform.FailNext(1, 500);

        var error = await Assert.ThrowsAsync<LineApiException>(() => client.ReplyAsync(replyToken, [new TextMessage("hello")]));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(platform.Requests, r => r.Path == "/v2/bot/message/reply");
        Assert.Empty(platform.MessagesTo(User));
    }

    [Fact]
    public async Task AUsedReplyTokenIsReportedAsInvalid()
    {
        var replyToken = ReplyTokenOf(platform.Postback(User, "lang=en"));
        await client.ReplyAsync(replyToken, [new TextMessage("first")]);

        var second = await client.ReplyAsync(replyToken, [new TextMessage("second")]);

        Assert.Equal(LineReplyStatus.InvalidReplyToken, second.Status);
        Assert.Single(platform.MessagesTo(User));
    }

    [Fact]
    public async Task AReplyTokenOlderThanAMinuteIsReportedAsInvalid()
    {
        var replyToken = ReplyTokenOf(platform.Follow(User));
        time.Advance(TimeSpan.FromSeconds(61));

        var result = await client.ReplyAsync(replyToken, [new TextMessage("welcome")]);

        Assert.Equal(LineReplyStatus.InvalidReplyToken, result.Status);
        Assert.False(result.IsSent);
        Assert.Empty(platform.MessagesTo(User));
    }

    [Fact]
    public async Task DownloadsContentFromTheDataHost()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7 fake");
        platform.AddContent("325708", bytes, "application/pdf");

        var content = await client.GetMessageContentAsync("325708");

        Assert.Equal(bytes, content.Data);
        Assert.Equal("application/pdf", content.ContentType);
        Assert.Contains(platform.Requests, r => r.Path == "/v2/bot/message/325708/content" && r.StatusCode == 200);
    }

    [Fact]
    public async Task RefusesContentLargerThanTheCap()
    {
        platform.AddContent("big", new byte[1001], "image/jpeg");

        await Assert.ThrowsAsync<LineContentTooLargeException>(() => client.GetMessageContentAsync("big"));
    }

    [Fact]
    public async Task ReadsAProfileAndReturnsNullForAnUnknownUser()
    {
        platform.SetProfile(User, "Mei Lin", "zh-TW");

        var profile = await client.GetProfileAsync(User);
        var unknown = await client.GetProfileAsync("Uunknown");

        Assert.Equal(new UserProfile(User, "Mei Lin", Language: "zh-TW"), profile);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task ReadsQuotaAndConsumption()
    {
        platform.QuotaType = "limited";
        platform.QuotaValue = 1000;
        platform.TotalUsage = 42;

        Assert.Equal(new MessageQuota("limited", 1000), await client.GetQuotaAsync());
        Assert.Equal(new QuotaConsumption(42), await client.GetQuotaConsumptionAsync());
    }

    [Fact]
    public async Task ShowsLoadingAndRefusesSecondsLineDoesNotTake()
    {
        await client.ShowLoadingAsync(User, 20);

        Assert.Equal([User], platform.LoadingShownFor);
        await Assert.ThrowsAsync<LineLimitException>(() => client.ShowLoadingAsync(User, 7));
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task AWrongAccessTokenIsAnApiError()
    {
        using var wrong = LineTestHost.Build(platform, new Dictionary<string, string?> { ["Line:ChannelAccessToken"] = "wrong" });

        var error = await Assert.ThrowsAsync<LineApiException>(() => wrong.Client().GetQuotaAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private static string ReplyTokenOf(System.Text.Json.Nodes.JsonObject evt) => (string)evt["replyToken"]!;
}
