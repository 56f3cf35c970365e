using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;
using Xunit;

namespace Bot.Tests.Infrastructure;

/// <summary>Proves the fake against the real Telegram.Bot client over real HTTP.</summary>
public sealed class FakeTelegramServerTests : IAsyncLifetime
{
    private const long UserId = 4242;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private FakeTelegramServer _fake = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        // RetryThreshold 0: the client must surface 429s instead of silently waiting them out.
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, baseUrl: _fake.BaseUrl) { RetryThreshold = 0 });
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task GetMeAnswersWithTheBotUser()
    {
        var me = await _bot.GetMe();

        Assert.Equal(_fake.BotId, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal(_fake.BotUsername, me.Username);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task LongPollReturnsAnUpdateEnqueuedWhileItWaits()
    {
        var poll = _bot.GetUpdates(timeout: 30);
        await _fake.WaitUntilAsync(f => f.IsPolling, Timeout);

        var id = _fake.EnqueueText(UserId, "hello", "zh-hant");
        var updates = await poll.WaitAsync(Timeout);

        var update = Assert.Single(updates);
        Assert.Equal(id, update.Id);
        Assert.Equal("hello", update.Message!.Text);
        Assert.Equal(UserId, update.Message.Chat.Id);
        Assert.Equal("zh-hant", update.Message.From!.LanguageCode);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task OffsetConfirmsAndDropsEarlierUpdates()
    {
        var first = _fake.EnqueueText(UserId, "one");
        var second = _fake.EnqueueText(UserId, "two");

        var all = await _bot.GetUpdates();
        var rest = await _bot.GetUpdates(offset: (int)first + 1);

        Assert.Equal(2, all.Length);
        Assert.Equal(second, Assert.Single(rest).Id);
        Assert.Equal(first + 1, _fake.ConfirmedOffset);
        Assert.Equal(1, _fake.PendingUpdates);
    }

    [Fact]
    public async Task SecondPollTerminatesTheFirstWithConflict()
    {
        var first = _bot.GetUpdates(timeout: 30);
        await _fake.WaitUntilAsync(f => f.IsPolling, Timeout);

        var second = _bot.GetUpdates(timeout: 1);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first.WaitAsync(Timeout));
        Assert.Equal(409, error.ErrorCode);
        Assert.Empty(await second.WaitAsync(Timeout));
    }

    [Fact]
    public async Task PollingWhileAWebhookIsSetIsAConflict()
    {
        await _bot.SetWebhook("https://bot.example/telegram", secretToken: "s3cret");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetUpdates());

        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("https://bot.example/telegram", (string?)_fake.Webhook!["url"]);
        Assert.Equal("https://bot.example/telegram", (await _bot.GetWebhookInfo()).Url);
    }

    [Fact]
    public async Task SendMessageWithInlineKeyboardIsRecorded()
    {
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Yes", "confirm:yes")]]);

        var sent = await _bot.SendMessage(UserId, "Continue?", replyMarkup: keyboard);

        var call = Assert.Single(await _fake.WaitForCallsAsync(UserId, 1, Timeout));
        Assert.Equal("sendMessage", call.Method);
        Assert.Equal("Continue?", call.Text);
        Assert.Equal(["confirm:yes"], call.CallbackData);
        Assert.Equal(sent.Id, call.MessageId);
        Assert.Equal("confirm:yes", sent.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task CallbackPressCanBeAnsweredAndMessageEdited()
    {
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Yes", "yes")]]);
        var sent = await _bot.SendMessage(UserId, "Continue?", replyMarkup: keyboard);
        _fake.EnqueueCallback(UserId, sent.Id, "yes");

        var query = (await _bot.GetUpdates()).Single().CallbackQuery!;
        await _bot.AnswerCallbackQuery(query.Id);
        await _bot.EditMessageText(UserId, sent.Id, "Done");
        var unchanged = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(UserId, sent.Id, "Done"));

        Assert.Equal("yes", query.Data);
        Assert.Contains("message is not modified", unchanged.Message, StringComparison.Ordinal);
        Assert.Null(_fake.BotMessage(UserId, sent.Id)!["reply_markup"]);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task CallWithoutChatIdIsASpecViolation()
    {
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync($"{_fake.BaseUrl}/bot{_fake.Token}/sendMessage", new { text = "hi" });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((bool)body!["ok"]!);
        Assert.Equal(400, (int)body["error_code"]!);
        Assert.Contains(_fake.Violations, v => v.Method == "sendMessage" && v.Problem.Contains("chat_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TooLongCallbackDataIsASpecViolation()
    {
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("x", new string('a', 65))]]);

        await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, "menu", replyMarkup: keyboard));

        Assert.Contains(_fake.Violations, v => v.Problem.Contains("callback_data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendDocumentUploadIsRecordedWithBytesAndFileName()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 fake");
        await using var stream = new MemoryStream(bytes);

        var sent = await _bot.SendDocument(UserId, InputFile.FromStream(stream, "form.pdf"), caption: "Your form");

        var call = Assert.Single(await _fake.WaitForCallsAsync(UserId, 1, Timeout));
        Assert.Equal("form.pdf", call.Document!.FileName);
        Assert.Equal(bytes, call.Document.Bytes);
        Assert.Equal("Your form", call.Text);
        Assert.Equal("form.pdf", sent.Document!.FileName);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task UserPhotoCanBeDownloadedThroughGetFile()
    {
        var jpeg = await System.IO.File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "corrupt-truncated.jpg"));
        _fake.EnqueuePhoto(UserId, jpeg);

        var photo = (await _bot.GetUpdates()).Single().Message!.Photo!;
        var file = await _bot.GetFile(photo[^1].FileId);
        await using var downloaded = new MemoryStream();
        await _bot.DownloadFile(file.FilePath!, downloaded);

        Assert.True(photo.Length > 1);
        Assert.Equal(jpeg, downloaded.ToArray());
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task RateLimitAnswers429WithRetryAfter()
    {
        // A stopped clock: on a busy machine two real sends can be a second apart and both pass the window.
        await using var fake = await FakeTelegramServer.StartAsync(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow));
        var bot = new TelegramBotClient(new TelegramBotClientOptions(fake.Token, baseUrl: fake.BaseUrl) { RetryThreshold = 0 });
        fake.MessagesPerSecondLimit = 1;

        await bot.SendMessage(UserId, "first");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(UserId, "second"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters?.RetryAfter);
        Assert.Single(fake.Sent);
    }

    [Fact]
    public async Task BlockedUserAnswers403()
    {
        _fake.Block(UserId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, "hi"));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
    }

    [Fact]
    public async Task MediaGroupOfUploadedPhotosIsRecordedAsOneCall()
    {
        await using var a = new MemoryStream([1, 2, 3]);
        await using var b = new MemoryStream([4, 5, 6]);

        var sent = await _bot.SendMediaGroup(UserId,
            [new InputMediaPhoto(InputFile.FromStream(a, "a.jpg")), new InputMediaPhoto(InputFile.FromStream(b, "b.jpg"))]);

        var call = Assert.Single(await _fake.WaitForCallsAsync(UserId, 1, Timeout));
        Assert.Equal(2, sent.Length);
        Assert.Equal(2, call.Files.Count);
        Assert.Equal(sent[0].MediaGroupId, sent[1].MediaGroupId);
        Assert.Empty(_fake.Violations);
    }
}
