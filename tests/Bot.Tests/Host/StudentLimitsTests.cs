using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Limits;
using Bot.Host.Telegram;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Host;

/// <summary>One student flooding the bot: a turn budget and a daily upload quota, in Redis, on a fake clock.</summary>
[Collection(RedisCollection.Name)]
public class StudentLimitsTests(RedisFixture redis) : IAsyncLifetime
{
    private const long Flooder = 5_100_001;
    private const long Other = 5_100_002;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // 23:00 in Taiwan, so the upload day ends an hour later.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero));
    private FakeTelegramServer telegram = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();
        var settings = BotHost.TelegramSettings(redis.ConnectionString, telegram);
        settings["Limits:TurnBurst"] = "5";
        settings["Limits:TurnsPerMinute"] = "1";
        settings["Limits:UploadsPerDay"] = "2";
        host = await BotHost.StartAsync(settings, b => b.Services.AddSingleton<TimeProvider>(time));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task AFlooderGetsItsBurstAndOneNoticeWhileOthersAreStillAnswered()
    {
        var flooder = new DialogDriver(now: time.GetUtcNow());
        var last = 0L;
        for (var i = 0; i < 40; i++)
        {
            last = telegram.EnqueueCommand(Flooder, "/help");
        }

        last = telegram.EnqueueCommand(Other, "/help", languageCode: "zh-hans");
        await telegram.WaitUntilAsync(t => t.ConfirmedOffset > last, Timeout);

        // The other student is answered in full; the flooder gets 5 turns' replies, then one notice, then nothing.
        Assert.Equal(Replies(new DialogDriver(now: time.GetUtcNow()), "/help", "zh-hans"), telegram.Transcript(Other).Select(c => c.Text));
        var burst = Enumerable.Range(0, 5).SelectMany(_ => Replies(flooder, "/help")).ToList();
        Assert.Equal([.. burst, Notice(Language.English)], telegram.Transcript(Flooder).Select(c => c.Text));

        // A minute later one token is back: the next message is answered normally, with no second notice.
        time.Advance(TimeSpan.FromMinutes(1));
        var next = Replies(flooder, "/help");
        telegram.EnqueueCommand(Flooder, "/help");
        await telegram.WaitForCallsAsync(Flooder, burst.Count + 1 + next.Count, Timeout);
        Assert.Equal(next, telegram.Transcript(Flooder).TakeLast(next.Count).Select(c => c.Text));
        Assert.Single(telegram.Transcript(Flooder), c => c.Text == Notice(Language.English));
    }

    [Fact]
    public async Task TheNoticeIsInTheLanguageTheStudentChose()
    {
        // A student who chose Chinese on an English phone.
        var driver = new DialogDriver(now: time.GetUtcNow()).ToRegistration("中文");
        await using (var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await mux.GetDatabase().StringSetAsync(Bot.Host.Storage.StudentStore.RecordKey(new("tg", Flooder.ToString(System.Globalization.CultureInfo.InvariantCulture))), StudentStateJson.Serialize(driver.State));
        }

        var last = 0L;
        for (var i = 0; i < 8; i++)
        {
            last = telegram.EnqueueText(Flooder, "hello", languageCode: "en");
        }

        await telegram.WaitUntilAsync(t => t.ConfirmedOffset > last, Timeout);
        Assert.Single(telegram.Transcript(Flooder), c => c.Text == Notice(Language.TraditionalChinese));
    }

    [Fact]
    public async Task UploadsOverTheDailyQuotaAreRefusedOnceAndAcceptedAgainTheNextDay()
    {
        var photo = TestImages.Jpeg(TestImages.Astronaut());
        var last = 0L;
        for (var i = 0; i < 4; i++)
        {
            last = telegram.EnqueuePhoto(Flooder, photo);
        }

        await telegram.WaitUntilAsync(t => t.ConfirmedOffset > last, Timeout);
        var quota = TelegramHtml.Render(MessageCatalogue.Default.Format(Language.English, StudentLimits.UploadsTodayKey, 2));
        var transcript = telegram.Transcript(Flooder);
        Assert.Single(transcript, c => c.Text == quota);
        Assert.Equal(quota, transcript[^1].Text);

        // After midnight in Taiwan, a new day's quota.
        time.Advance(TimeSpan.FromHours(1));
        telegram.EnqueuePhoto(Flooder, photo);
        await telegram.WaitForCallsAsync(Flooder, transcript.Count + 1, Timeout);
        Assert.NotEqual(quota, telegram.Transcript(Flooder)[^1].Text);
    }

    private static List<string?> Replies(DialogDriver driver, string text, string languageHint = "en") =>
        [.. driver.Send(Inbound.FromText(text, languageHint)).Last.Replies.Select(r => (string?)TelegramHtml.Render(r.Text))];

    private static string Notice(Language language) => TelegramHtml.Render(MessageCatalogue.Default.Text(language, StudentLimits.SlowDownKey));
}
