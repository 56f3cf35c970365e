using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>A school's link, t.me/&lt;bot&gt;?start=&lt;school&gt;: the student starts with that school chosen.</summary>
[Collection(RedisCollection.Name)]
public sealed class TelegramSchoolLinkTests(RedisFixture redis) : TelegramHostTest(redis)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Schools:0:Id"] = "ntu",
        ["Schools:0:Name"] = "國立臺灣大學",
        ["Schools:1:Id"] = "csu",
        ["Schools:1:Name"] = "正修科技大學",
        ["Schools:1:DefaultProgramme"] = "產學合作專班",
        ["Schools:1:NearestStation"] = "高雄市第一服務站",
    };

    [Fact]
    public async Task AStudentWhoOpensTheSchoolsLinkIsOfferedThatSchoolAndThenItsDefaults()
    {
        // Telegram sends "/start csu" when the student opens https://t.me/<bot>?start=csu (or scans its QR code).
        var student = await new TelegramStudent(Telegram, 1401).Send((t, id) => t.EnqueueCommand(id, "/start", "csu"));
        await student.Press("lang:en").Press("v:ext").Register("nguyen").Press("go:next").Press("go:next").Press("go:next");

        Assert.Equal("🏫 正修科技大學", SchoolDefaultButton(student));
        await student.Press("def").Say("A800000005");
        Assert.StartsWith("🏫 Industry-academia", SchoolDefaultButton(student), StringComparison.Ordinal);
        Assert.Empty(Telegram.Violations);
    }

    [Fact]
    public async Task AnUnknownSchoolInTheLinkIsAnOrdinaryStart()
    {
        var student = await new TelegramStudent(Telegram, 1402).Send((t, id) => t.EnqueueCommand(id, "/start", "no-such-school"));
        Assert.Contains("Which language do you prefer?", student.LastAnswer, StringComparison.Ordinal);

        await student.Press("lang:en").Press("v:ext").Register("nguyen").Press("go:next").Press("go:next").Press("go:next");
        Assert.Null(SchoolDefaultButton(student));
        Assert.Contains("v:csu", student.Transcript.Last(c => c.CallbackData.Count > 0).CallbackData);
    }

    /// <summary>The label of the "use my school's" button on the newest question, null when it has none.</summary>
    private static string? SchoolDefaultButton(TelegramStudent student) =>
        student.Transcript.Last(c => c.Method == "sendMessage" && c.CallbackData.Count > 0).ReplyMarkup!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray()).FirstOrDefault(b => (string?)b!["callback_data"] == "def")?["text"]?.GetValue<string>();
}
