using Bot.Dialogs.Cases;
using Bot.Dialogs.Reminders;

namespace Bot.Tests.Dialogs;

/// <summary>
/// The card exchange, the data change, the reissue and the change of school, each end to end through the real dialog
/// in both languages, with a wrong answer and what makes each of them different. The clock starts on 2026-11-25.
/// </summary>
public sealed class OtherApplicationTests
{
    [Theory]
    [InlineData("English", "Step 5 of 9 · Card exchange", "Exchange it before the e-ARC expires: by 2027-01-10 (46 days left)", "is not published")]
    [InlineData("中文", "第 5 步（共 9 步）· 換證", "請在電子居留證到期前換證：最晚 2027-01-10（剩 46 天）", "沒有這項申請的公開金額")]
    public void ExchangesTheEArcForTheCardBeforeItExpires(string language, string header, string deadline, string unknownFee)
    {
        var d = new DialogDriver().Choose("swap", language).ToApplicationPage();
        Assert.Contains(header, d.Text, StringComparison.Ordinal);

        d.Say("A800000005").Say("2027-13-01");
        Assert.Null(d.Answer("eArcExpiry"));
        d.Say("2027-01-10");
        Assert.Contains(deadline, d.Text, StringComparison.Ordinal);

        d.Press("v:bachelor").Say("國立臺灣大學").Press("v:registered").Press("v:1").SkipDocuments();
        Assert.Contains("2. ", d.Text, StringComparison.Ordinal);
        Assert.Contains(language == "English" ? "e-ARC, printed" : "電子居留證（列印本）", d.Text, StringComparison.Ordinal);

        d.PersonalData(arcExpiry: null).Press("rev:ok");
        Assert.Contains(language == "English" ? "【換證 Card exchange】" : "【換證】", d.Text, StringComparison.Ordinal);
        Assert.Contains("居留證號: A800000005", d.Text, StringComparison.Ordinal);

        d.Say("104522736210").Press("case:approved").Press("case:today");
        Assert.Contains(unknownFee, d.Text, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Approved, d.State.Case!.Stage);
    }

    [Fact]
    public void ReportsANewAddressWithinThirtyDaysAndPaysTheFlatFee()
    {
        var d = new DialogDriver().Choose("change").ToApplicationPage().Say("A800000005").Press("v:address").Say("2026-11-10");
        Assert.Contains("Report it by 2026-12-10 (15 days left)", d.Text, StringComparison.Ordinal);

        d.Press("v:master").Say("國立臺灣大學").Press("v:registered").SkipDocuments();
        Assert.Contains("3. Proof of residence (居住證明: lease, household register) — only if your address changed", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Proof of the change", d.Text, StringComparison.Ordinal);

        d.PersonalData(arcExpiry: "2027-06-30").Submit().Press("case:approved").Press("case:today");
        Assert.DoesNotContain("overseas Chinese", d.Text, StringComparison.Ordinal);
        Assert.Contains("Fee: NT$500 for the new card", d.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 6, 30), StudentCase.Of(d.State).ArcExpiry);
    }

    [Fact]
    public void ADataChangeReportedLateInChineseSaysTheFineAndAsksForTheNewPassport()
    {
        var d = new DialogDriver().Choose("change", "中文").ToApplicationPage().Say("A800000005").Press("v:passport").Say("2026-12-01");
        Assert.Contains("不能是未來的日期", d.Text, StringComparison.Ordinal);

        d.Say("2026-10-01");
        Assert.Contains("30 日的期限在 2026-10-31 已經過了（25 天前）", d.Text, StringComparison.Ordinal);
        Assert.Contains("2,000–10,000", d.Text, StringComparison.Ordinal);

        d.Press("v:master").Say("國立臺灣大學").Press("v:registered").SkipDocuments();
        Assert.Contains("第 2 欄請上傳「新」護照資料頁", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("居住證明", d.Text, StringComparison.Ordinal);

        d.PersonalData(arcExpiry: "2027-06-30").Press("rev:ok");
        Assert.Contains("【資料異動】", d.Text, StringComparison.Ordinal);
        Assert.Contains("異動項目: 護照換發", d.Text, StringComparison.Ordinal);
        d.Say("104522736210").Press("case:approved").Press("case:today");
        Assert.Contains("規費：新臺幣 500 元", d.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v:lost", "1. Police report or loss declaration")]
    [InlineData("v:damaged", "1. The damaged card, front and back")]
    public void ReissuesALostOrDamagedCardForNt500(string reason, string firstDocument)
    {
        var d = new DialogDriver().Choose("reissue").ToApplicationPage();
        Assert.Contains("of the card you are replacing", d.Text, StringComparison.Ordinal);

        d.Say("A800000005").Press(reason).Press("v:master").Say("國立臺灣大學").Press("v:registered").SkipDocuments();
        Assert.Contains(firstDocument, d.Text, StringComparison.Ordinal);

        d.Say("2031-05-31");
        Assert.Contains("When did the old card expire?", d.Text, StringComparison.Ordinal);
        d.Say("2027-01-31").Press("v:bachelor").Say("國立臺灣大學").Say("2").Press("v:single").Say("0912345678")
            .Press("v:TPE").Say("大安區").Press("nav:skip").Press("nav:skip").Say("羅斯福路四段").Press("nav:skip").Press("nav:skip").Say("1號")
            .Say("王小明").Press("nav:skip").Say("02-33663366").Press("v:TW").Press("v:counter").Press("v:TPE").Submit()
            .Press("case:approved").Press("case:today");

        Assert.Contains("Fee: NT$500", d.Text, StringComparison.Ordinal);
        Assert.Contains(ReminderPlanner.Plan(StudentCase.Of(d.State), d.Time.GetUtcNow()), r => r.Kind == ReminderKind.ArcExpiry);
    }

    [Fact]
    public void AReissueInChineseSaysThereIsNoDeadlineButNotToWaitAndGoesToTheCard()
    {
        var d = new DialogDriver().Choose("reissue", "中文");
        Assert.Contains("沒有規定補發的期限", d.Text, StringComparison.Ordinal);
        Assert.Contains("新臺幣 500 元", d.Text, StringComparison.Ordinal);
        Assert.Null(StudentCase.Of(d.State).FilingDue);

        d.ToApplicationPage().Say("A800000005").Press("v:stolen").Press("v:master").Say("國立臺灣大學").Press("v:registered").SkipDocuments();
        Assert.Contains("1. 報案證明或遺失切結書 — 遺失或被竊時必附", d.Text, StringComparison.Ordinal);
        d.PersonalData(arcExpiry: "2027-01-31").Press("rev:ok");
        Assert.Contains("補發原因: 被竊", d.Text, StringComparison.Ordinal);
        d.Say("104522736210").Press("case:approved").Press("case:today").Press("case:paid").Press("pay:WebAtm").Press("case:cardready");
        Assert.Contains("護照", d.Text, StringComparison.Ordinal);
        Assert.Equal(CaseStage.CardReady, d.State.Case!.Stage);
    }

    [Theory]
    [InlineData("English", "File by 2026-10-10 (", "【轉換學校申請 Change of school】", "not published in my sources")]
    [InlineData("中文", "請在 2026-10-10 前申請", "【轉換學校申請】", "沒有公開這項申請的應附文件")]
    public void ChangesSchoolWithinThirtyDaysAndSaysTheDocumentsAreNotConfirmed(string language, string deadline, string screen, string unconfirmed)
    {
        var d = new DialogDriver(now: new DateTimeOffset(2026, 9, 20, 2, 0, 0, TimeSpan.Zero)).Choose("school", language).ToApplicationPage()
            .Say("A800000005").Press("v:moveUp").Say("2026-09-10");
        Assert.Contains(deadline, d.Text, StringComparison.Ordinal);

        d.Press("v:master").Say("國立臺灣大學").Press("v:registered").Press("v:2").SkipDocuments();
        Assert.Contains(unconfirmed, d.Text, StringComparison.Ordinal);

        d.PersonalData(arcExpiry: "2027-06-30").Press("rev:ok");
        Assert.Contains(screen, d.Text, StringComparison.Ordinal);
        Assert.Contains("轉換類別: 升學", d.Text, StringComparison.Ordinal);
        Assert.Contains("居留證效期: 2年", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoosingAnotherApplicationStartsFromTheMenuAndOffersAllSix()
    {
        var d = new DialogDriver().Say("hello").Tap("English");

        Assert.Equal(
            ["v:first", "v:ext", "v:swap", "v:change", "v:reissue", "v:school", "app:unsure"],
            d.Buttons.Select(b => b.Data));
        d.Say("4");
        Assert.Equal("change", d.State.ApplicationKind);

        d.Say("/start").Press("new:yes").Say("居留證補發");
        Assert.Equal("reissue", d.State.ApplicationKind);
        Assert.DoesNotContain("coming soon", d.Text, StringComparison.OrdinalIgnoreCase);
    }
}
