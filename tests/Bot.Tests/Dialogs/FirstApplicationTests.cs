using Bot.Dialogs.Cases;
using Bot.Dialogs.Reminders;

namespace Bot.Tests.Dialogs;

/// <summary>居留證首次申請 through the real dialog. The driver's clock starts on 2026-11-25 10:00 in Taiwan.</summary>
public sealed class FirstApplicationTests
{
    private static DialogDriver ToRequestPage(string language = "English") => new DialogDriver().Choose("first", language).ToApplicationPage();

    /// <summary>Entered on 2026-11-20 with a resident visa, a master's student, registered.</summary>
    private static DialogDriver Registered(string language = "English") =>
        ToRequestPage(language).Say("2026-11-20").Press("v:resident").Press("v:master").Press("v:no")
            .Say("國立臺灣大學").Press("v:registered").Press("v:1");

    [Fact]
    public void TellsTheThirtyDayDeadlineAndTheDutiesWhenChosen()
    {
        var d = new DialogDriver().Choose("first");

        Assert.Contains("within 30 days counted from the day after you entered Taiwan", d.Text, StringComparison.Ordinal);
        Assert.Contains("report a new address within 30 days", d.Text, StringComparison.Ordinal);
        Assert.Contains("leave Taiwan within 10 days", d.Text, StringComparison.Ordinal);
        Assert.Equal("first", d.State.ApplicationKind);
        Assert.Contains("中文姓名 (Chinese name", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CompletesAFirstApplicationInEnglishAndTracksItToTheCard()
    {
        var d = ToRequestPage();
        Assert.Contains("Step 5 of 9 · First application", d.Text, StringComparison.Ordinal);
        Assert.Contains("入境日期 (the day you entered Taiwan)", d.Text, StringComparison.Ordinal);

        d.Say("2026-11-20");
        Assert.Contains("File by 2026-12-20 (25 days left)", d.Text, StringComparison.Ordinal);
        d.Press("v:resident").Press("v:master").Press("v:no").Say("國立臺灣大學").Press("v:registered").Press("v:1");

        Assert.Contains("Step 7 of 9 · Photo and documents", d.Text, StringComparison.Ordinal);
        d.Press("go:next");
        Assert.Contains("Send 1. Passport data page and visa or entry stamp (護照及簽證) — required", d.Text, StringComparison.Ordinal);
        d.UploadScan("1-passport-visa");
        Assert.Contains("Prepared so far for this slot: 1 file", d.Text, StringComparison.Ordinal);
        d.SkipDocuments();
        Assert.Contains("Documents for the first application:", d.Text, StringComparison.Ordinal);
        Assert.Contains("✅ 1. Passport data page and visa or entry stamp (護照及簽證) — required — 1-passport-visa.", d.Text, StringComparison.Ordinal);
        Assert.Contains("□ 2. Admission letter", d.Text, StringComparison.Ordinal);
        Assert.Contains("3. Enrolment proof", d.Text, StringComparison.Ordinal);

        d.PersonalData(arcExpiry: null);
        Assert.Contains("Step 9 of 9", d.Text, StringComparison.Ordinal);
        Assert.Contains("Entry date: 2026-11-20", d.Text, StringComparison.Ordinal);

        d.Press("rev:ok");
        Assert.Contains("【首次申請 First application】", d.Text, StringComparison.Ordinal);
        Assert.Contains("入境日期: 2026-11-20", d.Text, StringComparison.Ordinal);
        Assert.Contains("入境簽證種類: 居留簽證", d.Text, StringComparison.Ordinal);
        Assert.Contains("居留證效期: 1年", d.Text, StringComparison.Ordinal);
        Assert.Contains("fill the 居留證首次申請 page", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("僑生", d.Text.Split("【申請資料")[1].Split("】")[0], StringComparison.Ordinal);

        d.Say("104522736210").Press("case:approved").Press("case:today");
        Assert.DoesNotContain("are you an overseas Chinese student", d.Text, StringComparison.Ordinal);
        Assert.Contains("NT$1,000 (1 year × NT$1,000 per year)", d.Text, StringComparison.Ordinal);

        d.Press("case:paid").Press("pay:WebAtm").Press("case:cardready");
        Assert.Contains("Bring the printed payment receipt", d.Text, StringComparison.Ordinal);
        Assert.Equal(CaseStage.CardReady, d.State.Case!.Stage);
    }

    [Fact]
    public void AStudentNotYetRegisteredGetsTheSixMonthEArcInChineseWithoutAStation()
    {
        var d = ToRequestPage("中文").Say("2026-11-20").Press("v:resident").Press("v:bachelor").Press("v:yes")
            .Say("國立臺灣大學").Press("v:notRegistered");

        Assert.Contains(d.Buttons, b => b.Label == "6個月");
        Assert.DoesNotContain(d.Buttons, b => b.Data == "v:1");
        d.Press("v:6m").SkipDocuments();
        Assert.DoesNotContain("在學或註冊證明", d.Text, StringComparison.Ordinal);
        Assert.Contains("僑生：以海聯會分發通知書作為入學許可", d.Text, StringComparison.Ordinal);

        d.PersonalData(arcExpiry: null, pickup: false);
        Assert.Contains("第 9 步", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("領證地點", d.Text, StringComparison.Ordinal);

        d.Submit().Press("case:approved").Press("case:today");
        Assert.Contains("新臺幣 500 元", d.Text, StringComparison.Ordinal);
        d.Press("case:paid").Press("pay:WebAtm").Press("case:cardready");
        Assert.Contains("下載專區", d.Text, StringComparison.Ordinal);
        Assert.Contains("居留證換證", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AVisitorEntrantIsAskedTheEndOfTheirStayAndPaysTheSurcharge()
    {
        var d = ToRequestPage().Say("2026-11-01").Press("v:visitor");

        Assert.Contains("停留期限 (the last day you may stay)", d.Text, StringComparison.Ordinal);
        d.Say("2026-12-10");
        Assert.Contains("by 2026-12-10 (15 days left)", d.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 10), StudentCase.Of(d.State).FilingDue);

        d.Press("v:master").Press("v:no").Say("國立臺灣大學").Press("v:registered").Press("v:1").SkipDocuments().PersonalData(arcExpiry: null).Submit()
            .Press("case:approved").Press("case:today");
        Assert.Contains("NT$3,200 (1 year × NT$1,000 per year, plus NT$2,200 because you entered visa-exempt or on a visitor visa)", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALateStudentHearsTheFineAndIsStillHelped()
    {
        var d = ToRequestPage().Say("2026-10-01");

        Assert.Contains("The 30 days ended on 2026-10-31, 25 days ago", d.Text, StringComparison.Ordinal);
        Assert.Contains("NT$2,000–10,000", d.Text, StringComparison.Ordinal);
        Assert.Equal("2026-10-01", d.Answer("entryDate"));
        Assert.Contains("入境簽證種類", d.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-01", "can't be in the future")]
    [InlineData("20/11/2026", "year first")]
    [InlineData("next week", "YYYY-MM-DD")]
    public void RefusesAnEntryDateItCannotUse(string typed, string explanation)
    {
        var d = ToRequestPage().Say(typed);

        Assert.Contains(explanation, d.Text, StringComparison.Ordinal);
        Assert.Null(d.Answer("entryDate"));
        Assert.Contains("入境日期", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GoesBackAndEditsAndAsksWhatAnEditMadeNecessary()
    {
        var d = ToRequestPage().Say("2026-11-20").Press("nav:back");
        Assert.Contains("入境日期", d.Text, StringComparison.Ordinal);
        Assert.Equal("2026-11-20", d.Answer("entryDate"));

        d.Say("2026-11-20").Press("v:resident").Press("v:master").Press("v:no").Say("國立臺灣大學").Press("v:registered").Press("v:1")
            .SkipDocuments().PersonalData(arcExpiry: null);
        d.Press("rev:edit");
        while (!d.Buttons.Any(b => b.Data == "edit:entryVisa"))
        {
            d.Tap("More");
        }

        d.Press("edit:entryVisa").Press("v:visitor");

        Assert.Contains("停留期限", d.Text, StringComparison.Ordinal);
        d.Say("2026-12-10");
        Assert.Contains("Step 9 of 9", d.Text, StringComparison.Ordinal);
        Assert.Contains("Permitted stay until: 2026-12-10", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RemindsBeforeTheDeadlineWhileTheApplicationIsADraftAndStopsOnceSubmitted()
    {
        var d = ToRequestPage().Say("2026-11-20");

        var reminders = ReminderPlanner.Plan(StudentCase.Of(d.State), d.Time.GetUtcNow());
        Assert.Equal(
            ["FilingDue:2026-12-20:7d", "FilingDue:2026-12-20:1d", "FilingDue:2026-12-20:late"],
            reminders.Select(r => r.DedupKey));
        Assert.Equal(["2026-12-20", "7"], reminders[0].Arguments);

        d.Press("v:resident").Press("v:master").Press("v:no").Say("國立臺灣大學").Press("v:registered").Press("v:1")
            .SkipDocuments().PersonalData(arcExpiry: null).Submit();
        Assert.DoesNotContain(ReminderPlanner.Plan(StudentCase.Of(d.State), d.Time.GetUtcNow()), r => r.Kind == ReminderKind.FilingDue);
    }

    [Fact]
    public void RendersTheDeadlineReminderInTheStudentsLanguage()
    {
        var d = ToRequestPage("中文").Say("2026-11-20");
        var reminder = ReminderPlanner.Plan(StudentCase.Of(d.State), d.Time.GetUtcNow())[0];

        var text = string.Join("\n", new Bot.Dialogs.Conversation.StudentConversation(d.State, d.Settings).RenderReminder(reminder).Select(r => r.PlainText));

        Assert.Contains("居留證首次申請必須在 2026-12-20 前送出（剩 7 天）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsAFinishedFirstApplicationUnderFourKilobytes()
    {
        var d = Registered().SkipDocuments().PersonalData(arcExpiry: null).Submit();

        Assert.True(d.SavedBytes < 4096, $"{d.SavedBytes} bytes");
    }
}
