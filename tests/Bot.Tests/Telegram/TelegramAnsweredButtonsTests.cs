using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Telegram;

/// <summary>Once a question is answered its buttons go, so the chat shows buttons only under the current question.</summary>
[Collection(RedisCollection.Name)]
public sealed class TelegramAnsweredButtonsTests(RedisFixture redis) : TelegramHostTest(redis)
{
    [Fact]
    public async Task AQuestionsButtonsGoOnceItIsAnsweredByAPressOrByTyping()
    {
        var student = await new TelegramStudent(Telegram, 1301).Say("/start");
        var language = LastWithButtons(1301);

        await student.Press("lang:en");
        Assert.Null(Telegram.BotMessage(1301, language)!["reply_markup"]);
        var application = LastWithButtons(1301);
        Assert.NotNull(Telegram.BotMessage(1301, application)!["reply_markup"]);

        // Typed answers too: the surname question has Back / Help buttons, and they go when the surname is typed.
        await student.Press("v:ext").Press("nav:skip").Press("v:two");
        var surname = LastWithButtons(1301);
        Assert.Contains("Surname", Telegram.BotMessage(1301, surname)!["text"]!.ToString(), StringComparison.OrdinalIgnoreCase);
        await student.Say("nguyen");
        Assert.Null(Telegram.BotMessage(1301, surname)!["reply_markup"]);

        // Only the newest question shows buttons.
        var showing = Telegram.Transcript(1301).Where(c => c.Method == "sendMessage" && Telegram.BotMessage(1301, c.MessageId!.Value)?["reply_markup"] is not null).ToList();
        Assert.Equal(LastWithButtons(1301), Assert.Single(showing).MessageId);
        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task TheNextHostTakesAwayThePreviousHostsButtonsFromWhatRedisKeeps()
    {
        var student = await new TelegramStudent(Telegram, 1302).Say("/start").Press("lang:en");
        var application = LastWithButtons(1302);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        await Eventually.TrueAsync(
            async () => await connection.GetDatabase().StringGetAsync(StudentStore.ButtonsKey(new("tg", "1302"))) == application.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TelegramStudent.Patience,
            "the shown buttons in Redis");

        await RestartHostAsync();
        await student.Say("1");

        Assert.Null(Telegram.BotMessage(1302, application)!["reply_markup"]);
        Assert.Contains("First application", student.LastAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ButtonsTelegramWillNotEditStayQuietlyAndAPressOnOneIsStillAnswered()
    {
        var student = await new TelegramStudent(Telegram, 1303).Say("/start").Press("lang:en");
        var application = LastWithButtons(1303);

        // Telegram refuses the edit (a message too old to edit): the turn is answered all the same.
        Telegram.FailCalls("editMessageReplyMarkup", count: 1, status: 400);
        await student.Press("v:ext");
        Assert.Contains("Extension", student.LastAnswer, StringComparison.Ordinal);
        Assert.NotNull(Telegram.BotMessage(1303, application)!["reply_markup"]);

        // Later the student presses a button of that old message: told it belongs to an earlier message, then the current question.
        await student.Send((t, id) => t.EnqueueCallback(id, application, "v:first"));
        Assert.Contains("That button belongs to an earlier message", student.LastAnswer, StringComparison.Ordinal);
        Assert.Null(Telegram.BotMessage(1303, application)!["reply_markup"]);
        Assert.Empty(Telegram.Violations);
    }

    /// <summary>The newest message the bot sent this chat with buttons.</summary>
    private int LastWithButtons(long chatId) =>
        Telegram.Transcript(chatId).Last(c => c.Method == "sendMessage" && c.CallbackData.Count > 0).MessageId!.Value;
}
