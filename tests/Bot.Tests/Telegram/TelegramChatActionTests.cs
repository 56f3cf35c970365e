using Bot.Tests.Infrastructure;
using Bot.Tests.Uploads;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>"sending photo…", "sending file…" and "typing…" while the bot works, on the host's (fake) clock.</summary>
[Collection(RedisCollection.Name)]
public sealed class TelegramChatActionTests(RedisFixture redis) : TelegramHostTest(redis)
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    protected override void ConfigureHost(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(time);

    private static Task<TelegramStudent> AtThePhotoStep(TelegramStudent student) =>
        student.Say("/start").Press("lang:en").Press("v:ext").Register("nguyen")
            .Press("go:next").Press("go:next").Press("go:next")
            .Say("A800000005").Press("v:master").Press("v:studying").Say("NTU").Press("v:registered").Press("v:1").Press("v:no").Press("v:no");

    [Fact]
    public async Task AStudentSeesSendingPhotoBeforeTheCroppedPhotoArrivesAndEveryFourSecondsWhileItIsPrepared()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8101));
        Assert.Empty(Telegram.ChatActions(8101));
        using var wall = TestImages.AstronautOnWhiteWall();

        // The download is held: the photo is "being prepared" for as long as the test likes.
        Telegram.HoldDownloads();
        Telegram.EnqueuePhoto(8101, TestImages.Jpeg(wall));
        await Telegram.WaitUntilAsync(t => t.DownloadsStarted > 0 && t.ChatActions(8101).Count == 1, TelegramStudent.Patience);
        Assert.Equal(["upload_photo"], Telegram.ChatActions(8101));

        // Telegram clears a chat action after 5 s: it is sent again every 4 s of the host's clock.
        time.Advance(TimeSpan.FromSeconds(4));
        await Telegram.WaitUntilAsync(t => t.ChatActions(8101).Count == 2, TelegramStudent.Patience);
        time.Advance(TimeSpan.FromSeconds(4));
        await Telegram.WaitUntilAsync(t => t.ChatActions(8101).Count == 3, TelegramStudent.Patience);

        Telegram.ReleaseDownloads();
        await Telegram.WaitUntilAsync(t => t.Transcript(8101).Any(c => c.Method == "sendDocument"), TelegramStudent.Patience);
        var transcript = Telegram.Activity(8101).Select(c => c.Method).ToList();
        Assert.True(transcript.LastIndexOf("sendChatAction") < transcript.IndexOf("sendDocument"), string.Join(", ", transcript));

        // Once the photo is ready the status stops: a later tick of the clock shows nothing more.
        time.Advance(TimeSpan.FromSeconds(8));
        await student.Say("/help");
        Assert.Equal(3, Telegram.ChatActions(8101).Count);
        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task AStudentSeesSendingFileBeforeTheirPreparedDocumentArrives()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8102)).Press("go:next").Press("go:next");

        await student.Send((t, id) => t.EnqueueDocument(id, TestImages.Read("scanned-page.png"), "passport.png", "image/png"));

        var transcript = Telegram.Activity(8102).Select(c => c.Method == "sendChatAction" ? (string)c.Parameters["action"]! : c.Method).ToList();
        Assert.Contains("upload_document", transcript);
        Assert.True(transcript.IndexOf("upload_document") < transcript.IndexOf("sendDocument"), string.Join(", ", transcript));
    }

    [Fact]
    public async Task ARefusedChatActionNeitherDelaysNorLosesTheCroppedPhoto()
    {
        var student = await AtThePhotoStep(new TelegramStudent(Telegram, 8103));
        using var wall = TestImages.AstronautOnWhiteWall();

        // Telegram refuses the chat action with a minute's retry_after: waiting it out would outlast the test's patience.
        Telegram.FailCalls("sendChatAction", count: 10, status: 429, retryAfterSeconds: 60);
        await student.Send((t, id) => t.EnqueuePhoto(id, TestImages.Jpeg(wall)));

        Assert.Single(student.Transcript, c => c.Method == "sendDocument");
        var refused = Assert.Single(Telegram.Calls, c => c.Method == "sendChatAction");
        Assert.Equal(429, refused.ErrorCode);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Assert.False(await connection.GetDatabase().KeyExistsAsync(Bot.Host.Telegram.TelegramFloodControl.PauseKey), "a refused chat action paused every reply");

        // A 5xx on the next upload: the same.
        Telegram.FailCalls("sendChatAction", count: 10, status: 500);
        await student.Send((t, id) => t.EnqueuePhoto(id, TestImages.Jpeg(wall)));
        Assert.Equal(2, student.Transcript.Count(c => c.Method == "sendDocument"));
    }

    [Fact]
    public async Task AQuickTurnShowsNothingAndALongOneShowsTypingUntilTheReplyArrives()
    {
        await new TelegramStudent(Telegram, 8104).Say("/start").Press("lang:en");
        Assert.Empty(Telegram.ChatActions(8104));

        // Another host holds the student (a turn that hangs): this turn waits for it, and keeps the student informed.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var lease = Bot.Host.Storage.StudentStore.LeaseKey(new("tg", "8104"));
        await connection.GetDatabase().StringSetAsync(lease, "another-host", TimeSpan.FromMinutes(10));
        var update = Telegram.EnqueueCommand(8104, "/status");
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                return Telegram.ChatActions(8104).Count > 0;
            },
            TelegramStudent.Patience,
            "a typing action");
        Assert.Equal("typing", Telegram.ChatActions(8104)[0]);

        await connection.GetDatabase().KeyDeleteAsync(lease);
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                return Telegram.ConfirmedOffset > update;
            },
            TelegramStudent.Patience,
            "the reply");
        var methods = Telegram.Activity(8104).Select(c => c.Method).ToList();
        Assert.True(methods.IndexOf("sendChatAction") < methods.LastIndexOf("sendMessage"), string.Join(", ", methods));
    }
}
