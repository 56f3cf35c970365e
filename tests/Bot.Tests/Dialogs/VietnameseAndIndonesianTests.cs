using System.Text.RegularExpressions;
using Bot.Dialogs.Cases;

namespace Bot.Tests.Dialogs;

/// <summary>
/// Students who read neither English nor Chinese: greeted in the language their platform reports, then the whole
/// application in Vietnamese or Indonesian with only the NIA's Chinese labels beside it. The clock starts on 2026-11-25.
/// </summary>
public sealed partial class VietnameseAndIndonesianTests
{
    [Fact]
    public void AVietnameseStudentIsGreetedInVietnameseAndFilesAFirstApplicationWithoutReadingEnglish()
    {
        var d = new DialogDriver().Say("xin chào", "vi");
        Assert.StartsWith("Xin chào! Tôi là ARC Helper", d.Text, StringComparison.Ordinal);
        Assert.Equal("Tiếng Việt", d.Buttons.First().Label);

        d.Tap("Tiếng Việt");
        var afterChoosing = d.Transcript.Length;
        Assert.Contains("Bạn muốn nộp loại hồ sơ nào?", d.Text, StringComparison.Ordinal);
        Assert.Contains(d.Buttons, b => b.Label == "Xin cấp lần đầu");

        d.Press("v:first").ToApplicationPage();
        Assert.Contains("Bước 5/9 · Xin cấp lần đầu", d.Text, StringComparison.Ordinal);
        Assert.Contains("入境日期 (ngày bạn nhập cảnh Đài Loan)", d.Text, StringComparison.Ordinal);

        d.Say("2026-11-20");
        Assert.Contains("Nộp trước ngày 2026-12-20 (còn 25 ngày)", d.Text, StringComparison.Ordinal);
        d.Press("v:resident").Press("v:master").Press("v:no").Say("國立臺灣大學").Press("v:registered").Press("v:1").SkipDocuments();
        Assert.Contains("Giấy tờ cho hồ sơ xin cấp lần đầu:", d.Text, StringComparison.Ordinal);

        d.PersonalData(arcExpiry: null).Press("rev:ok");
        Assert.Contains("【首次申請 Xin cấp lần đầu】", d.Text, StringComparison.Ordinal);
        Assert.Contains("入境日期: 2026-11-20", d.Text, StringComparison.Ordinal);
        Assert.Contains("入境簽證種類: 居留簽證", d.Text, StringComparison.Ordinal);
        Assert.Contains("英文姓氏: NGUYEN", d.Text, StringComparison.Ordinal);

        d.Say("104522736210");
        Assert.Contains("Đã nộp với số biên nhận 104522736210", d.Text, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Submitted, StudentCase.Of(d.State).Stage);
        AssertNoEnglish(d.Transcript[afterChoosing..]);
    }

    [Theory]
    [InlineData("đã thanh toán")]
    [InlineData("Em đã đóng phí rồi ạ")]
    [InlineData("da dong phi")]
    public void AVietnameseStudentWhoWritesThatTheyPaidIsUnderstood(string typed)
    {
        var d = SubmittedInVietnamese().Say("Hồ sơ đã được duyệt").Say("hôm nay");
        Assert.Contains("Đóng phí trước ngày 2026-11-29 (còn 4 ngày)", d.Text, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Approved, StudentCase.Of(d.State).Stage);

        d.Say(typed);
        Assert.Contains("Bạn đã đóng phí bằng cách nào?", d.Text, StringComparison.Ordinal);
        d.Press("pay:WebAtm");
        Assert.Equal(CaseStage.Paid, StudentCase.Of(d.State).Stage);
        Assert.Contains("Đã ghi nhận đóng phí (Web ATM (網路收單ATM))", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndonesianStudentIsGreetedInIndonesianAndFilesAnExtensionWithoutReadingEnglish()
    {
        var d = new DialogDriver().Say("halo", "id");
        Assert.StartsWith("Halo! Saya ARC Helper", d.Text, StringComparison.Ordinal);
        Assert.Equal("Bahasa Indonesia", d.Buttons.First().Label);

        d.Tap("Bahasa Indonesia");
        var afterChoosing = d.Transcript.Length;
        d.Press("v:ext").Register().ThroughAccountSteps();
        Assert.Contains("Langkah 5 dari 9 · Permohonan perpanjangan", d.Text, StringComparison.Ordinal);
        Assert.Contains("居留證號 (nomor UI Anda, 統一證號, di kartu ARC)", d.Text, StringComparison.Ordinal);

        d.Say("A800000006");
        Assert.Contains("Angka terakhirnya tidak cocok", d.Text, StringComparison.Ordinal);
        d.ExtensionRequest().SkipDocuments().PersonalData();
        Assert.Contains("Silakan periksa jawaban Anda:", d.Text, StringComparison.Ordinal);

        d.Press("rev:ok");
        Assert.Contains("【延期申請 Permohonan perpanjangan】", d.Text, StringComparison.Ordinal);
        Assert.Contains("居留證號: A800000005", d.Text, StringComparison.Ordinal);
        Assert.Contains("延期事由: 在學延期", d.Text, StringComparison.Ordinal);

        d.Say("104522736210");
        Assert.Contains("Sudah dikirim dengan nomor tanda terima 104522736210", d.Text, StringComparison.Ordinal);
        AssertNoEnglish(d.Transcript[afterChoosing..]);
    }

    [Theory]
    [InlineData("Thạc sĩ")]
    [InlineData("thac si")]
    [InlineData("THẠC SĨ")]
    public void AVietnameseStudentMayTypeAChoiceInVietnameseWithOrWithoutAccents(string typed)
    {
        var d = new DialogDriver().Say("xin chào", "vi").Tap("Tiếng Việt").Press("v:first").ToApplicationPage()
            .Say("2026-11-20").Press("v:resident");

        d.Say(typed);

        Assert.Equal("master", d.Answer("programme"));
    }

    [Theory]
    [InlineData("vi", "Gia hạn: 居留證延期申請(含資料異動)")]
    [InlineData("id", "居留證首次申請")]
    [InlineData("zh-TW", "• 轉換學校申請(轉學、升學)")]
    public void TheApplicationQuestionNamesEveryNiaMenuItemInFullThoughButtonsAreShort(string language, string expected)
    {
        var d = new DialogDriver().Say("hi", language).Press($"lang:{language}");

        Assert.Contains(expected, d.Text, StringComparison.Ordinal);
        Assert.All(d.Buttons, b => Assert.True(Bot.Dialogs.Conversation.ButtonLabels.Fits(b.Label), b.Label));
    }

    [Theory]
    [InlineData("vi", "Việt Nam", "VN")]
    [InlineData("vi", "viet nam", "VN")]
    [InlineData("vi", "Ấn Độ", "IN")]
    [InlineData("id", "India", "IN")]
    public void TheNationalityMayBeTypedInTheStudentsLanguage(string language, string typed, string code)
    {
        var d = new DialogDriver().Say("hi", language).Press($"lang:{language}").Press("v:ext")
            .Press("nav:skip").Press("v:two").Say("nguyen").Say("van an");

        d.Say(typed);

        Assert.Equal(code, d.Answer("nationality"));
    }

    [Theory]
    [InlineData("vi", "Nếu em quá hạn 15 ngày thì bị phạt bao nhiêu?", "Cư trú quá hạn 15 ngày")]
    [InlineData("id", "kalau saya overstay 15 hari?", "15 hari")]
    public void AnOverstayQuestionInTheStudentsLanguageGetsTheFine(string language, string typed, string expected)
    {
        var d = new DialogDriver().Say("hi", language).Press($"lang:{language}").Press("v:ext");

        d.Say(typed);

        Assert.Contains(expected, d.Text, StringComparison.Ordinal);
        Assert.Contains("NT$20,000", d.Text, StringComparison.Ordinal);
    }

    private static DialogDriver SubmittedInVietnamese() =>
        new DialogDriver().Say("xin chào", "vi").Tap("Tiếng Việt").Press("v:first").ToApplicationPage()
            .Say("2026-11-20").Press("v:resident").Press("v:master").Press("v:no").Say("國立臺灣大學").Press("v:registered").Press("v:1")
            .SkipDocuments().PersonalData(arcExpiry: null).Submit();

    /// <summary>No English sentence reached the student; the NIA's own e-mail subject is quoted as it arrives and does not count.</summary>
    private static void AssertNoEnglish(string shown)
    {
        var found = EnglishWords().Matches(shown.Replace("Please Verify your e-mail address", string.Empty, StringComparison.Ordinal)).Select(m => m.Value).Distinct().ToList();
        Assert.True(found.Count == 0, $"English words shown: {string.Join(", ", found)}");
    }

    [GeneratedRegex(@"\b(?:Please|please|the|The|your|Your|you|You|and|with|Step|Send|Choose|Which)\b")]
    private static partial Regex EnglishWords();
}
