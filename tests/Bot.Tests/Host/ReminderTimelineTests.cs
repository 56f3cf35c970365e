using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;
using Bot.Host;
using Bot.Host.Reminders;
using Bot.Host.Storage;
using Bot.Tests.Dialogs;
using Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Host;

/// <summary>One case from submission to pickup, through the real host, real Redis and the fake Telegram, on a fake clock.</summary>
[Collection(RedisCollection.Name)]
public class ReminderTimelineTests(RedisFixture redis) : IAsyncLifetime
{
    private const long Chat = 4242;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // Monday 2026-12-14, 10:00 in Taiwan.
    private readonly FakeTimeProvider time = new(Taipei(2026, 12, 14, 10, 0));
    private FakeTelegramServer telegram = null!;
    private WebApplication app = null!;
    private ReminderScheduler scheduler = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync(time: time);

        // A Chinese-speaking student who has filled the form and is about to give the receipt number.
        var driver = new DialogDriver(now: time.GetUtcNow()).ToRegistration("中文").Register().ThroughAccountSteps().ExtensionRequest()
            .SkipDocuments().PersonalData().Press("rev:ok");
        using (var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await mux.GetDatabase().StringSetAsync(StudentStore.RecordKey(new StudentKey("tg", Chat.ToString(System.Globalization.CultureInfo.InvariantCulture))), StudentStateJson.Serialize(driver.State));
        }

        app = BotApp.Create([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
                ["Telegram:BotToken"] = telegram.Token,
                ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
                ["LocalChat:Enabled"] = "false",
            });
            b.Configuration.AddInMemoryCollection(TestKeys.Settings);
            b.Services.AddSingleton<TimeProvider>(time);
        });
        await app.StartAsync();
        scheduler = app.Services.GetRequiredService<ReminderScheduler>();
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task EachReminderArrivesOnceAtTheRightTimeInTheStudentsLanguage()
    {
        await SayAsync("104522736210");

        // Day 1: no 送件受理通知 confirmed.
        var emailMissing = Expected(ReminderMessageKeys.SubmissionEmailMissing, "2026-12-14");
        await AdvanceToAsync(Taipei(2026, 12, 15, 9, 59));
        Assert.Equal(0, Count(emailMissing));
        await AdvanceToAsync(Taipei(2026, 12, 15, 10, 0));
        await ExpectPushAsync(emailMissing, Taipei(2026, 12, 15, 10, 0));
        await SayAsync("收到送件受理通知了");

        // Approved late in the evening: the first payment push waits for the end of quiet hours.
        await AdvanceToAsync(Taipei(2026, 12, 16, 23, 30));
        await SayAsync("審核通過了");
        await SayAsync("今天");
        var instructions = await SayAsync("不是");
        Assert.Contains("2026-12-20", instructions, StringComparison.Ordinal);

        // "Within 5 days of approval" may count the approval day: the safe last day is approval + 4.
        var approved = Expected(ReminderMessageKeys.PaymentApproved, "2026-12-20");
        await AdvanceToAsync(Taipei(2026, 12, 17, 7, 59));
        Assert.Equal(0, Count(approved));
        await AdvanceToAsync(Taipei(2026, 12, 17, 8, 0));
        var push = await ExpectPushAsync(approved, Taipei(2026, 12, 17, 8, 0));
        Assert.Contains("1,000", push.Text, StringComparison.Ordinal);

        await AdvanceToAsync(Taipei(2026, 12, 18, 8, 0));
        await ExpectPushAsync(Expected(ReminderMessageKeys.PaymentAgain, "2026-12-20", "2"), Taipei(2026, 12, 18, 8, 0));

        // Paid at noon by convenience store: the last-day push is dropped.
        await AdvanceToAsync(Taipei(2026, 12, 19, 12, 0));
        await SayAsync("已繳費");
        var menu = telegram.Transcript(Chat).Last(c => c.CallbackData.Contains("pay:ConvenienceStore"));
        await PressAsync(menu.MessageId!.Value, "pay:ConvenienceStore");
        await AdvanceToAsync(Taipei(2026, 12, 20, 8, 0));
        Assert.Equal(0, Count(Expected(ReminderMessageKeys.PaymentLastDay, "2026-12-20")));

        // Card ready on Wednesday 12-23: Christmas (行憲紀念日, 12-25) and the weekend are skipped, so pickup opens Tuesday 12-29, not Monday.
        Assert.False(TaiwanWorkingDays.IsWorkingDay(new DateOnly(2026, 12, 25)));
        await AdvanceToAsync(Taipei(2026, 12, 23, 10, 0));
        await SayAsync("收到審核通過已繳費製證完成通知");
        var pickup = Expected(ReminderMessageKeys.Pickup, "2026-12-29");
        await AdvanceToAsync(Taipei(2026, 12, 28, 8, 0));
        Assert.Equal(0, Count(pickup));
        await AdvanceToAsync(Taipei(2026, 12, 29, 8, 0));
        push = await ExpectPushAsync(pickup, Taipei(2026, 12, 29, 8, 0));
        Assert.Contains("臺北市服務站", push.Text, StringComparison.Ordinal);
        Assert.Contains("收據下載", push.Text, StringComparison.Ordinal);

        // Weekly until collected.
        await AdvanceToAsync(Taipei(2027, 1, 5, 8, 0));
        await WaitForCountAsync(pickup, 2);
        await SayAsync("領到了");
        await AdvanceToAsync(Taipei(2027, 1, 12, 8, 0));
        await AdvanceToAsync(Taipei(2027, 1, 19, 8, 0));

        // Each reminder exactly once; none that the case had moved past; no other pushes at all.
        Assert.Equal(1, Count(emailMissing));
        Assert.Equal(1, Count(approved));
        Assert.Equal(2, Count(pickup));
        Assert.Equal(0, Count(Expected(ReminderMessageKeys.ApprovalMissing, "2026-12-14")));
        Assert.Equal(0, Count(Expected(ReminderMessageKeys.CardMissing, "2026-12-19")));
        Assert.Equal(0, Count(Expected(ReminderMessageKeys.PaymentOverdue, "2026-12-21")));
        Assert.All(telegram.Transcript(Chat), c => Assert.False(QuietHours.IsQuiet(c.Timestamp) && IsPush(c), $"pushed in quiet hours: {c}"));
        Assert.Empty(telegram.Violations);
    }

    [Fact]
    public async Task AnswersAnOverstayQuestionThroughTheHost()
    {
        var answer = await SayAsync("逾期 31 天");

        Assert.Contains("30,000", answer, StringComparison.Ordinal);
        Assert.Contains("15,000", answer, StringComparison.Ordinal);
    }

    private static DateTimeOffset Taipei(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>The start of a reminder as the student sees it (before any character Telegram's HTML would escape).</summary>
    private static string Expected(string key, params string[] args) =>
        MessageCatalogue.Default.Format(Language.TraditionalChinese, key, args)[..20];

    private static readonly string[] ReminderStarts =
        [.. ReminderMessageKeys.All.Select(k => MessageCatalogue.Default.Text(Language.TraditionalChinese, k)[..4])];

    private static bool IsPush(BotCall call) => call.Text is { } text && ReminderStarts.Any(s => text.StartsWith(s, StringComparison.Ordinal));

    private int Count(string start) => telegram.Transcript(Chat).Count(c => c.Text?.StartsWith(start, StringComparison.Ordinal) == true);

    private async Task<BotCall> ExpectPushAsync(string start, DateTimeOffset at)
    {
        await WaitForCountAsync(start, 1);
        var call = telegram.Transcript(Chat).Single(c => c.Text?.StartsWith(start, StringComparison.Ordinal) == true);
        Assert.Equal(at, call.Timestamp);
        return call;
    }

    private Task WaitForCountAsync(string start, int count) =>
        telegram.WaitUntilAsync(t => t.Transcript(Chat).Count(c => c.Text?.StartsWith(start, StringComparison.Ordinal) == true) >= count, Wait);

    private async Task AdvanceToAsync(DateTimeOffset instant)
    {
        time.SetUtcNow(instant);
        await scheduler.WaitForPassAsync(instant, Wait);
    }

    /// <summary>Sends a text and returns the bot's answer once the turn is saved (the answer's last message has buttons).</summary>
    private async Task<string> SayAsync(string text)
    {
        var before = telegram.Transcript(Chat).Count;
        telegram.EnqueueText(Chat, text, "zh-hant");
        return await AnswerAfterAsync(before);
    }

    private async Task PressAsync(int messageId, string data)
    {
        var before = telegram.Transcript(Chat).Count;
        telegram.EnqueueCallback(Chat, messageId, data, "zh-hant");
        await AnswerAfterAsync(before);
    }

    private async Task<string> AnswerAfterAsync(int before)
    {
        await telegram.WaitUntilAsync(t => t.Transcript(Chat).Skip(before).Any(c => c.Method == "sendMessage" && c.CallbackData.Count > 0), Wait);
        return string.Join("\n", telegram.Transcript(Chat).Skip(before).Select(c => c.Text));
    }
}
