using Bot.Host.Telegram;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>The copy-ready summary as Telegram shows it: tap-to-copy values and a copy button per value.</summary>
[Collection(RedisCollection.Name)]
public sealed class TelegramSummaryTests(RedisFixture redis) : TelegramHostTest(redis)
{
    [Fact]
    public async Task EveryValueOfTheSummaryHasACopyButtonLabelledWithItsNiaLabel()
    {
        var student = new TelegramStudent(Telegram, 1201);
        await student.Say("/start").Press("lang:en").Press("v:ext").Register("nguyen").FormAfterRegistration();
        var before = student.Transcript.Count;

        await student.Press("rev:ok");

        var pages = student.Transcript.Skip(before).Where(c => c.Method == "sendMessage" && c.Text!.StartsWith('【')).ToList();
        Assert.NotEmpty(pages);
        var registration = Assert.Single(pages, p => p.Text!.Contains("英文姓氏", StringComparison.Ordinal));
        Assert.Contains("<code>NGUYEN</code>", registration.Text, StringComparison.Ordinal);
        Assert.Contains(("📋 英文姓氏", "NGUYEN"), registration.CopyButtons);
        Assert.Contains(("📋 出生日期", "2001-09-23"), registration.CopyButtons);
        Assert.Contains(("📋 電子郵件", "an.nguyen@example.com"), registration.CopyButtons);

        // Every value shown as code has its button, whatever page it is on: the whole address in one line too.
        var copies = pages.SelectMany(p => p.CopyButtons).ToList();
        Assert.Contains(copies, c => c.Copies == "臺北市大安區羅斯福路四段1號");
        Assert.Contains(copies, c => c.Copies == "A800000005");
        foreach (var page in pages)
        {
            var codes = System.Text.RegularExpressions.Regex.Matches(page.Text!, "<code>(.*?)</code>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
            Assert.Equal(codes.Order(), page.CopyButtons.Select(c => c.Copies).Order());
        }

        Assert.All(copies, c => Assert.InRange(c.Label.Length, 3, 3 + TelegramCopyButtons.MaxLabel));

        // The student answers the next question (the receipt number): a question's buttons go, the copy buttons stay.
        await student.Say("104522736210");
        Assert.All(pages, p => Assert.NotNull(Telegram.BotMessage(1201, p.MessageId!.Value)!["reply_markup"]));
        Assert.Empty(Telegram.Violations);
    }

    [Theory]
    [InlineData("出生日期(西元)", "出生日期")]
    [InlineData("在臺聯絡人身分證號(護照號碼或居留證號)", "在臺聯絡人身分證號")]
    [InlineData("申請來臺就學學制", "申請來臺就學學制")]
    [InlineData("Full address (one line)", "Full addr…")]
    public void ALabelKeepsItsNameWithoutTheExplanationInBrackets(string label, string shown) =>
        Assert.Equal(shown, TelegramCopyButtons.ShortLabel(label));
}
