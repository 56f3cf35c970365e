using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class StudentCaseTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AcceptsATwelveDigitReceiptNumber() =>
        Assert.Equal("113000123456", new StudentCase { ReceiptNumber = "113000123456" }.ReceiptNumber);

    [Theory]
    [InlineData("12345")]
    [InlineData("11300012345X")]
    [InlineData("1130001234567")]
    public void RefusesAnythingElseAsAReceiptNumber(string value) =>
        Assert.Throws<ArgumentException>(() => new StudentCase { ReceiptNumber = value });

    [Fact]
    public void DerivesTheStageFromTheLatestStep()
    {
        var p = CaseProgress.None;
        Assert.Equal(CaseStage.Drafting, p.Stage);
        Assert.Equal(CaseStage.Submitted, (p = p with { SubmittedAt = At }).Stage);
        Assert.Equal(CaseStage.UnderReview, (p = p with { EmailArrivedAt = At }).Stage);
        Assert.Equal(CaseStage.MoreDocuments, (p with { MoreDocumentsAt = At }).Stage);
        Assert.Equal(CaseStage.Approved, (p = p with { ApprovedOn = new DateOnly(2026, 3, 5) }).Stage);
        Assert.Equal(CaseStage.Paid, (p = p with { PaidAt = At.AddDays(4) }).Stage);
        Assert.Equal(CaseStage.CardReady, (p = p with { CardReadyOn = new DateOnly(2026, 3, 12) }).Stage);
        Assert.Equal(CaseStage.Collected, (p = p with { CollectedAt = At.AddDays(20) }).Stage);
        Assert.Equal(CaseStage.NotApproved, (p with { NotApprovedAt = At.AddDays(21) }).Stage);
    }

    [Fact]
    public void KeysTheCaseByItsReceiptNumber() =>
        Assert.Equal("113000123456", new StudentCase { ReceiptNumber = "113000123456" }.CaseKey);

    [Fact]
    public void ReadsTheCaseFromTheRecordTheDialogSaves()
    {
        var state = new StudentState { ApplicationKind = "ext", ReceiptNumber = "113000123456", Case = new() { SubmittedAt = At } };
        state.Answers["arcExpiry"] = "2026-06-30";
        state.Answers["station"] = "TPE";

        var studentCase = StudentCase.Of(state);

        Assert.Equal(CaseStage.Submitted, studentCase.Stage);
        Assert.Equal(new DateOnly(2026, 6, 30), studentCase.ArcExpiry);
        Assert.True(studentCase.RenewsResidence);
        Assert.Equal("TPE", studentCase.StationId);
        Assert.Equal(studentCase, StudentCase.Of(state));
        state.Case = state.Case with { PaidAt = At };
        Assert.NotEqual(studentCase, StudentCase.Of(state));
    }
}
