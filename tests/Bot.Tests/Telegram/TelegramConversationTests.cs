using System.Globalization;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

[Collection(RedisCollection.Name)]
public class TelegramConversationTests(RedisFixture redis) : TelegramHostTest(redis)
{
    [Fact]
    public async Task AStudentCompletesTheExtensionApplicationEndToEnd()
    {
        var student = new TelegramStudent(Telegram, 1001);

        await student.Say("/start").Press("lang:en").Press("v:ext").Register("nguyen").FormAfterRegistration();
        Assert.Contains("Step 9 of 9", student.LastAnswer, StringComparison.Ordinal);

        await student.Press("rev:ok");
        Assert.Contains("<code>NGUYEN</code>", student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains("臺北市大安區羅斯福路四段1號", student.LastAnswer, StringComparison.Ordinal);

        await student.Say("104522736210");
        Assert.Contains("104522736210", student.LastAnswer, StringComparison.Ordinal);
        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task ANewStudentUnsureWhatToFileCompletesAFirstApplicationAndHearsTheFee()
    {
        var student = new TelegramStudent(Telegram, 1002);
        var entered = TaipeiToday().AddDays(-3);

        await student.Say("/start").Press("lang:en").Press("app:unsure").Press("tri:arrived");
        Assert.Contains("within 30 days counted from the day after you entered Taiwan", student.LastAnswer, StringComparison.Ordinal);

        await Task.FromResult(student).Register("nguyen").Press("go:next").Press("go:next").Press("go:next").Say(entered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Contains($"File by {entered.AddDays(30):yyyy-MM-dd} (27 days left)", student.LastAnswer, StringComparison.Ordinal);

        await student.Press("v:resident").Press("v:master").Press("v:no").Say("國立臺灣大學").Press("v:registered").Press("v:1")
            .Press("go:next").Press("go:next").Press("go:next").Press("go:next").Press("go:next").Press("go:next")
            .Say("2031-05-31").Press("v:bachelor").Say("國立臺灣大學").Say("2").Press("v:single").Say("0912345678")
            .Press("v:TPE").Say("大安區").Press("nav:skip").Press("nav:skip").Say("羅斯福路四段").Press("nav:skip").Press("nav:skip").Say("1號")
            .Say("王小明").Press("nav:skip").Say("02-33663366").Press("v:TW").Press("v:counter").Press("v:TPE").Press("rev:ok");
        Assert.Contains("【首次申請 First application】", student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains($"入境日期: <code>{entered:yyyy-MM-dd}</code>", student.LastAnswer, StringComparison.Ordinal);

        await student.Say("104522736210").Press("case:approved").Press("case:today");
        Assert.Contains("NT$1,000 (1 year × NT$1,000 per year)", student.LastAnswer, StringComparison.Ordinal);
        Assert.Empty(Telegram.Violations);
    }

    private static DateOnly TaipeiToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task FiftyStudentsAtOnceEachGetOnlyTheirOwnAnswers()
    {
        var students = Enumerable.Range(0, 50).Select(i => new TelegramStudent(Telegram, 2000 + i)).ToList();

        await Task.WhenAll(students.Select((s, i) =>
            Task.FromResult(s).Say("/start").Press("lang:en").Press("v:ext").Register(SurnameOf(i)).FormAfterRegistration().Press("rev:ok")));

        for (var i = 0; i < students.Count; i++)
        {
            var transcript = string.Join("\n", students[i].Transcript.Select(c => c.Text));
            Assert.Contains($"<code>{SurnameOf(i)}</code>", transcript, StringComparison.Ordinal);
            var others = Enumerable.Range(0, 50).Where(j => j != i).Select(SurnameOf);
            Assert.DoesNotContain(others, o => transcript.Contains(o, StringComparison.Ordinal));
        }

        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task AStudentCarriesOnAfterTheHostRestartsMidForm()
    {
        var student = new TelegramStudent(Telegram, 3001);
        await student.Say("/start").Press("lang:en").Press("v:ext").Register("tran");

        await RestartHostAsync();

        await student.Press("go:next");
        Assert.Contains("an.nguyen@example.com", student.LastAnswer, StringComparison.Ordinal);
        await student.Press("go:next").Press("go:next").Say("A800000005");
        Assert.Contains("UI number: A800000005", student.LastAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandMenuIsPublishedInEveryLanguageAndEveryCommandInItWorks()
    {
        string?[] codes = [null, "zh", "vi", "id"];
        await Telegram.WaitUntilAsync(t => codes.All(code => t.CommandsFor(code) is not null), TelegramStudent.Patience);
        var menus = codes.ToDictionary(code => code ?? "default", code => Telegram.CommandsFor(code)!.Select(c => ((string)c!["command"]!, (string)c["description"]!)).ToList());
        var english = menus["default"];

        Assert.All(menus.Values, menu => Assert.Equal(english.Select(c => c.Item1), menu.Select(c => c.Item1)));
        Assert.Contains(("ask", "Ask a school advisor"), english);
        Assert.Contains(("ask", "詢問學校輔導老師"), menus["zh"]);
        Assert.Contains(("ask", "Hỏi cố vấn của trường"), menus["vi"]);
        Assert.Contains(("ask", "Tanya pembimbing sekolah"), menus["id"]);

        var student = new TelegramStudent(Telegram, 4101);
        foreach (var (command, _) in english)
        {
            await student.Say("/" + command);
            Assert.NotEmpty(student.LastAnswer);
            Assert.DoesNotContain("don't know that command", student.LastAnswer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AStickerGetsAFriendlyReplyAndChangesNothing()
    {
        var student = new TelegramStudent(Telegram, 4001);
        await student.Say("/start").Press("lang:en").Press("v:ext").Press("nav:skip");

        await student.Send((t, id) => t.EnqueueSticker(id));

        Assert.Contains("not stickers", student.LastAnswer, StringComparison.Ordinal);
        Assert.Contains("passport", student.LastAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChecksAPasswordAndDeletesTheStudentsMessageBeforeSayingSo()
    {
        var student = new TelegramStudent(Telegram, 5001);
        await student.Say("/start").Press("lang:en").Press("v:ext").Register("le").Press("pw:check").Say("short1");

        Assert.Contains("at least 8 characters", student.LastAnswer, StringComparison.Ordinal);
        var calls = Telegram.Calls.ToList();
        var deleted = calls.FindIndex(c => c.Method == "deleteMessage" && c.ChatId == 5001);
        var said = calls.FindIndex(c => c.Method == "sendMessage" && c.Text?.Contains("I have asked the chat to delete your message", StringComparison.Ordinal) == true);
        Assert.InRange(deleted, 0, said - 1);
    }

    [Fact]
    public async Task IgnoresGroupChatterAndPointsToThePrivateChatWhenAddressed()
    {
        Telegram.EnqueueGroupText(-100, 6001, "anyone know when the ARC office opens?");
        var addressed = Telegram.EnqueueGroupText(-100, 6001, $"@{Telegram.BotUsername} help with my ARC");
        await Telegram.WaitUntilAsync(t => t.ConfirmedOffset > addressed, TelegramStudent.Patience);

        var groupMessages = Telegram.Transcript(-100);
        var answer = Assert.Single(groupMessages);
        Assert.Contains("private chat", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetsAStudentWhoAsksToDeleteTheirData()
    {
        var student = new TelegramStudent(Telegram, 7001);
        await student.Say("/start").Press("lang:en").Press("v:ext").Press("nav:skip").Say("/delete").Press("del:yes");

        Assert.Contains("deleted", student.LastAnswer, StringComparison.Ordinal);
        await student.Say("hello");
        Assert.Contains("Which language", student.LastAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersHealthWhenRedisIsUp()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(Host.BaseUrl + "/healthz"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static string SurnameOf(int i) => "STUDENT" + (char)('A' + (i / 26)) + (char)('A' + (i % 26));
}
