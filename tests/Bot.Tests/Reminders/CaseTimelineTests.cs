using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class CaseTimelineTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AcceptsATwelveDigitReceiptNumber() =>
        Assert.Equal("113000123456", new CaseTimeline { ReceiptNumber = "113000123456" }.ReceiptNumber);

    [Theory]
    [InlineData("12345")]
    [InlineData("11300012345X")]
    [InlineData("1130001234567")]
    public void RefusesAnythingElseAsAReceiptNumber(string value) =>
        Assert.Throws<ArgumentException>(() => new CaseTimeline { ReceiptNumber = value });

    [Fact]
    public void DerivesTheStageFromTheLatestStep()
    {
        var t = new CaseTimeline();
        Assert.Equal(CaseStage.Drafting, t.Stage);
        Assert.Equal(CaseStage.Submitted, (t = t with { SubmittedAt = At }).Stage);
        Assert.Equal(CaseStage.SubmissionConfirmed, (t = t with { SubmissionEmailConfirmedAt = At }).Stage);
        Assert.Equal(CaseStage.MoreDocumentsRequested, (t with { MoreDocumentsRequestedAt = At }).Stage);
        Assert.Equal(CaseStage.Approved, (t = t with { ApprovedOn = new DateOnly(2026, 3, 5) }).Stage);
        Assert.Equal(CaseStage.Paid, (t = t with { PaidAt = At.AddDays(4) }).Stage);
        Assert.Equal(CaseStage.CardReady, (t = t with { CardReadyOn = new DateOnly(2026, 3, 12) }).Stage);
        Assert.Equal(CaseStage.Collected, (t = t with { CollectedAt = At.AddDays(20) }).Stage);
        Assert.Equal(CaseStage.NotApproved, (t with { RejectedAt = At.AddDays(21) }).Stage);
    }

    [Fact]
    public void KeysTheCaseByTheHostIdBeforeTheReceiptNumber()
    {
        Assert.Equal("tg:42", new CaseTimeline { CaseId = "tg:42", ReceiptNumber = "113000123456" }.CaseKey);
        Assert.Equal("113000123456", new CaseTimeline { ReceiptNumber = "113000123456" }.CaseKey);
    }
}
