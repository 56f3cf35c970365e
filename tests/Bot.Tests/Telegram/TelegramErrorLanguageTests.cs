using System.Text.Json.Nodes;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Uploads;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>
/// Every answer the host produces itself — refused uploads, failed downloads, the pointer out of a group — and the
/// dialog's confirmations come in the language the student chose, even when their Telegram app says another.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class TelegramErrorLanguageTests(RedisFixture redis) : TelegramHostTest(redis)
{
    public static TheoryData<string, string> Languages => new() { { "lang:en", "en" }, { "lang:zh-TW", "zh-TW" } };

    private static string Text(string language, string key) => MessageCatalogue.Default.Text(new Language(language), key);

    /// <summary>Chose a language (their Telegram app says English either way), then walked to the photo step.</summary>
    private Task<TelegramStudent> AtThePhotoStep(long id, string choice) =>
        new TelegramStudent(Telegram, id).Say("/start").Press(choice).Press("v:ext").Register("nguyen")
            .Press("go:next").Press("go:next").Press("go:next")
            .Say("A800000005").Press("v:master").Press("v:studying").Say("NTU").Press("v:registered").Press("v:1").Press("v:no").Press("v:no");

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task StartOverMidFormAsksInTheChosenLanguage(string choice, string language)
    {
        var student = await new TelegramStudent(Telegram, 9100 + choice.Length).Say("/start").Press(choice).Press("v:ext").Press("nav:skip").Say("/start");

        Assert.Contains(Text(language, "startOver.confirm"), student.LastAnswer, StringComparison.Ordinal);
        var labels = student.Transcript[^1].ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).Select(b => (string?)b!["text"]);
        Assert.Contains(Text(language, "button.startOver"), labels);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task APictureOverTheDownloadLimitIsRefusedInTheChosenLanguage(string choice, string language)
    {
        var student = await AtThePhotoStep(9200 + choice.Length, choice);

        // Telegram says how big a file is before it is downloaded: 25 MB is refused without fetching it.
        await student.Send((t, id) => t.EnqueueRaw(Message(id, m => m["photo"] = new JsonArray(new JsonObject
        {
            ["file_id"] = "huge-photo", ["file_unique_id"] = "huge-photo-u", ["file_size"] = 25 * 1024 * 1024, ["width"] = 9000, ["height"] = 12000,
        }))));

        Assert.Contains(Text(language, UploadMessageKeys.PhotoProblemTooLarge), student.LastAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain(Telegram.Calls, c => c.Method == "getFile");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AFileTelegramCannotGiveIsExplainedInTheChosenLanguage(string choice, string language)
    {
        var student = await AtThePhotoStep(9300 + choice.Length, choice);

        // getFile answers 400 for a file id it does not know (an expired one).
        await student.Send((t, id) => t.EnqueueRaw(Message(id, m => m["document"] = new JsonObject
        {
            ["file_id"] = "gone", ["file_unique_id"] = "gone-u", ["file_name"] = "me.jpg", ["mime_type"] = "image/jpeg", ["file_size"] = 1000,
        })));

        Assert.Contains(Text(language, "upload.fetchFailed"), student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains(Telegram.Calls, c => c.Method == "getFile");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AStudentMentioningTheBotInAGroupIsPointedToThePrivateChatInTheirLanguage(string choice, string language)
    {
        var id = 9400 + choice.Length;
        await new TelegramStudent(Telegram, id).Say("/start").Press(choice);

        var mention = Telegram.EnqueueGroupText(-200 - id, id, $"@{Telegram.BotUsername} help", languageCode: "en");
        await Telegram.WaitUntilAsync(t => t.ConfirmedOffset > mention, TelegramStudent.Patience);

        var answer = Assert.Single(Telegram.Transcript(-200 - id));
        Assert.Equal(MessageCatalogue.Default.Format(new Language(language), "group.privateOnly", Telegram.BotUsername), answer.Text);
    }

    private static JsonObject Message(long userId, Action<JsonObject> content)
    {
        var message = new JsonObject
        {
            ["message_id"] = 900_000 + Random.Shared.Next(1000),
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Student", ["language_code"] = "en" },
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Student" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        content(message);
        return new JsonObject { ["message"] = message };
    }
}
