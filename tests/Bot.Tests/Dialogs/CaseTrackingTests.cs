using Bot.Dialogs.Conversation;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Reminders;

namespace Bot.Tests.Dialogs;

/// <summary>The case after submission, driven through the real dialog. The driver's clock starts on 2026-11-25 10:00 in Taiwan.</summary>
public sealed class CaseTrackingTests
{
    private static DialogDriver Submitted(string language = "English") =>
        new DialogDriver().ToRegistration(language).Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().PersonalData()
            .Press("rev:ok").Say("104522736210");

    [Fact]
    public void SubmittingStartsTheCaseAndOffersTheNextEvents()
    {
        var d = Submitted();

        Assert.NotNull(d.State.Case?.SubmittedAt);
        Assert.Equal(CaseStage.Submitted, StudentCase.Of(d.State).Stage);
        Assert.Contains(d.Buttons, b => b.Data == "case:emailarrived");
        Assert.Contains(d.Buttons, b => b.Data == "rem:off");
    }

    [Fact]
    public void WalksTheWholeTimelineWithTapsAndCountsDownToThePaymentDeadline()
    {
        var d = Submitted().Press("case:emailarrived");
        Assert.Contains("under review", d.Text, StringComparison.Ordinal);

        d.Press("case:approved");
        Assert.Contains("When did the approval e-mail (送件線上繳費通知) arrive?", d.Text, StringComparison.Ordinal);
        Assert.Contains("is the day you applied, not the approval", d.Text, StringComparison.Ordinal);
        d.Press("case:today");
        Assert.Contains("僑生", d.Text, StringComparison.Ordinal);
        d.Press("case:fc:no");
        Assert.Contains("Pay by 2026-11-29 (4 days left)", d.Text, StringComparison.Ordinal);
        Assert.Contains("線上繳費 (online payment) → tick your case → 繳費 (pay) → 確認繳費 (confirm)", d.Text, StringComparison.Ordinal);
        Assert.Contains("NT$1,000 (1 year × NT$1,000 per year)", d.Text, StringComparison.Ordinal);

        d.Time.Advance(TimeSpan.FromDays(2));
        d.Say("/status");
        Assert.Contains("approved, fee not paid yet", d.Text, StringComparison.Ordinal);
        Assert.Contains("Pay by 2026-11-29 (2 days left)", d.Text, StringComparison.Ordinal);
        Assert.Contains("Your ARC expires on 2027-01-31", d.Text, StringComparison.Ordinal);

        d.Press("case:paid").Press("pay:ConvenienceStore");
        Assert.Contains("2–3 working days", d.Text, StringComparison.Ordinal);
        Assert.Equal(PaymentMethod.ConvenienceStore, d.State.Case!.PaymentMethod);

        d.Press("case:cardready"); // Friday 2026-11-27: pickup opens on the 3rd working day, Wednesday 2026-12-02
        Assert.Contains("Pick up from 2026-12-02 (5 days left)", d.Text, StringComparison.Ordinal);
        Assert.Contains("首頁 > 下載專區 > 收據下載", d.Text, StringComparison.Ordinal);
        Assert.Contains("Taipei City (臺北市服務站), 100213臺北市中正區廣州街15號, tel. 02-2388-5185, open Mon–Fri 08:00–17:00, no lunch break", d.Text, StringComparison.Ordinal);

        d.Press("case:collected");
        Assert.Equal(CaseStage.Collected, StudentCase.Of(d.State).Stage);
        Assert.Contains("Congratulations", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APickupDateInAYearWithoutTheOfficeCalendarIsSaidToBeApproximate()
    {
        var d = new DialogDriver(now: new DateTimeOffset(2029, 3, 1, 2, 0, 0, TimeSpan.Zero)).ToRegistration().Register().ThroughAccountSteps()
            .ExtensionRequest().SkipDocuments().PersonalData(arcExpiry: "2029-05-31").Submit()
            .Press("case:approved").Press("case:today").Press("case:fc:no").Press("case:paid").Press("pay:WebAtm").Press("case:cardready");

        Assert.Contains("Pick up from 2029-03-06", d.Text, StringComparison.Ordinal);
        Assert.Contains("Approximate: this year's government office calendar is not loaded", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OverseasChineseStudentsPayTheHalfRate()
    {
        var d = Submitted();
        d.Time.Advance(TimeSpan.FromDays(1));
        d.Press("case:approved").Say("2026-11-25").Press("case:fc:yes");

        Assert.Equal(new DateOnly(2026, 11, 25), d.State.Case!.ApprovedOn);
        Assert.Contains("Pay by 2026-11-29 (3 days left)", d.Text, StringComparison.Ordinal);
        Assert.Contains("NT$500 (1 year × NT$500 per year, the overseas-Chinese student rate)", d.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-24")] // future
    [InlineData("2026-11-24")] // before the submission
    public void RefusesAnApprovalDateOutsideTheCase(string date)
    {
        var d = Submitted().Press("case:approved").Say(date);

        Assert.Contains("yyyy-MM-dd", d.Text, StringComparison.Ordinal);
        Assert.Null(d.State.Case!.ApprovedOn);
    }

    [Theory]
    [InlineData("the email arrived", CaseStage.UnderReview)]
    [InlineData("Approved!", CaseStage.Submitted)] // asks the date first
    [InlineData("NIA wants more documents", CaseStage.MoreDocuments)]
    [InlineData("not approved", CaseStage.NotApproved)]
    public void UnderstandsEventsWrittenInEnglish(string text, CaseStage stage)
    {
        var d = Submitted().Say(text);

        Assert.Equal(stage, StudentCase.Of(d.State).Stage);
    }

    [Fact]
    public void UnderstandsEventsWrittenInChinese()
    {
        var d = Submitted("中文").Say("收到送件受理通知了");
        Assert.Equal(CaseStage.UnderReview, StudentCase.Of(d.State).Stage);
        Assert.Contains("審核中", d.Text, StringComparison.Ordinal);

        d.Say("審核通過了").Say("今天").Say("不是");
        Assert.Contains("請在 2026-11-29（剩 4 天）前繳費", d.Text, StringComparison.Ordinal);
        Assert.Contains("新臺幣 1,000 元", d.Text, StringComparison.Ordinal);

        d.Say("已繳費");
        Assert.Contains("您用什麼方式繳費", d.Text, StringComparison.Ordinal);
        d.Press("pay:TaiwanCreditCard").Say("收到審核通過已繳費製證完成通知");
        Assert.Equal(CaseStage.CardReady, StudentCase.Of(d.State).Stage);
        Assert.Contains("臺北市服務站", d.Text, StringComparison.Ordinal);

        d.Say("領到了");
        Assert.Equal(CaseStage.Collected, StudentCase.Of(d.State).Stage);
    }

    [Fact]
    public void ARecordSubmittedBeforeTrackingExistedStartsItsTimelineOnTheNextTurn()
    {
        var d = Submitted();
        var old = d.State;
        old.Case = null;
        var conversation = new StudentConversation(old, d.Settings);
        conversation.Handle(Inbound.FromText("the email arrived"));

        Assert.Equal(CaseStage.UnderReview, StudentCase.Of(conversation.Record).Stage);
    }

    [Fact]
    public void AnApprovalReportedAfterItsPaymentDeadlineSaysTheDeadlineHasPassed()
    {
        var d = Submitted();
        d.Time.Advance(TimeSpan.FromDays(10));
        d.Press("case:approved").Say("2026-11-26").Press("case:fc:no");

        Assert.Contains("The payment deadline (2026-11-30) has passed", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenAnEventDoesNotFitTheCase()
    {
        var d = Submitted().Say("I paid");

        Assert.Contains("does not fit", d.Text, StringComparison.Ordinal);
        Assert.Null(d.State.Case!.PaidAt);
    }

    [Fact]
    public void MoreDocumentsAsksWhenTheNoticeArrivedAndCountsFifteenDaysFromTheDayAfter()
    {
        var d = Submitted();
        d.Time.Advance(TimeSpan.FromDays(2));
        d.Press("case:moredocuments");
        Assert.Contains("When did NIA's 補件 notice", d.Text, StringComparison.Ordinal);

        d.Say("2026-11-26");
        Assert.Contains("by 2026-12-11 (14 days left)", d.Text, StringComparison.Ordinal);
        Assert.Contains("線上申辦 → 待補件案件", d.Text, StringComparison.Ordinal);
        Assert.Contains("Passport", d.Text, StringComparison.OrdinalIgnoreCase);
        d.Say("/status");
        Assert.Contains("NIA asked for more documents", d.Text, StringComparison.Ordinal);

        d.Press("go:next");
        Assert.Contains("Documents sent", d.Text, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Submitted, StudentCase.Of(d.State).Stage);
        Assert.Null(d.State.Case!.MoreDocumentsAt);
    }

    [Fact]
    public void AnApprovalWhileAddingDocumentsEndsTheDocumentsStep()
    {
        var d = Submitted().Press("case:moredocuments").Say("approved").Press("case:today").Press("case:fc:no");

        Assert.Equal("Tracking", d.State.Phase);
        Assert.Equal(CaseStage.Approved, StudentCase.Of(d.State).Stage);
        Assert.Contains(d.Buttons, b => b.Data == "case:paid");
    }

    [Fact]
    public void NotApprovedSaysWhatToDoNext()
    {
        var d = Submitted().Press("case:notapproved");

        Assert.Contains("file a new application before it expires", d.Text, StringComparison.Ordinal);
        Assert.Contains("1990", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MutesAndUnmutesRemindersWithCommandsAndButtons()
    {
        var d = Submitted().Say("/mute");
        Assert.True(StudentCase.Of(d.State).RemindersMuted);
        Assert.Empty(ReminderPlanner.Plan(StudentCase.Of(d.State), d.Time.GetUtcNow()));
        Assert.Contains(d.Buttons, b => b.Data == "rem:on");
        d.Say("/status");
        Assert.Contains("muted", d.Text, StringComparison.Ordinal);

        d.Press("rem:on");
        Assert.False(StudentCase.Of(d.State).RemindersMuted);
        Assert.Contains("on again", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswersAnOverstayQuestionInTheMiddleOfTheFormAndAsksTheFieldAgain()
    {
        var d = new DialogDriver().ToRegistration().Say("overstay 15 days");

        Assert.Contains("for 15 days NT$20,000", d.Text, StringComparison.Ordinal);
        Assert.Contains("halved to NT$10,000", d.Text, StringComparison.Ordinal);
        Assert.Equal("Registering", d.State.Phase);
    }

    [Fact]
    public void AnswersAnOverstayQuestionInChineseAfterSubmission()
    {
        var d = Submitted("中文").Say("逾期 45 天");

        Assert.Contains("30,000", d.Text, StringComparison.Ordinal);
        Assert.Contains("15,000", d.Text, StringComparison.Ordinal);
        Assert.Equal("Tracking", d.State.Phase);
    }

    [Fact]
    public void RendersAPaymentReminderWithTheFeeAndAPaidButton()
    {
        var d = Submitted().Press("case:approved").Press("case:today").Press("case:fc:no");
        var studentCase = StudentCase.Of(d.State);
        var reminder = ReminderPlanner.Plan(studentCase, d.Time.GetUtcNow()).First(r => r.Kind == ReminderKind.Payment);

        var replies = new StudentConversation(d.State, d.Settings).RenderReminder(reminder);

        var text = string.Join("\n", replies.Select(r => r.PlainText));
        Assert.Contains("2026-11-29", text, StringComparison.Ordinal);
        Assert.Contains("NT$1,000", text, StringComparison.Ordinal);
        Assert.Contains(replies.SelectMany(r => r.Buttons ?? []).SelectMany(row => row), b => b.Data == "case:paid");
    }
}
