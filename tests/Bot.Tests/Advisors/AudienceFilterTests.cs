using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Host.Storage;

namespace Bot.Tests.Advisors;

public sealed class AudienceFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReadsFiltersAndATimeBeforeTheText()
    {
        var (filter, at, text) = AudienceFilter.ParseCommand("stage=notpaid channel=line lang=zh-TW expiry=2027-01 at=2026-12-01T09:00 Please pay: fee=1000 NTD");
        Assert.Equal(new AudienceFilter("notpaid", "2027-01", null, "zh-TW", "line"), filter);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)), at);
        Assert.Equal("Please pay: fee=1000 NTD", text);
    }

    [Fact]
    public void PlainTextMeansEveryoneNow()
    {
        var (filter, at, text) = AudienceFilter.ParseCommand("Office closed on Friday");
        Assert.Equal(new AudienceFilter(), filter);
        Assert.Null(at);
        Assert.Equal("Office closed on Friday", text);
    }

    [Fact]
    public void NotPaidMeansSubmittedWithoutAPaymentDate()
    {
        var submitted = Summary(s => s.ReceiptNumber = "123456789012");
        var paid = Summary(s => { s.ReceiptNumber = "123456789012"; s.Case = new() { PaidAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) }; });
        var drafting = Summary(_ => { });
        var notPaid = new AudienceFilter(Stage: "notpaid");
        Assert.True(notPaid.Matches(submitted));
        Assert.False(notPaid.Matches(paid));
        Assert.False(notPaid.Matches(drafting));
        Assert.True(new AudienceFilter(Stage: "notsubmitted").Matches(drafting));
    }

    [Fact]
    public void AnExpiredArcBeforeSubmissionIsOverdueAndANearOneIsFlagged()
    {
        var expired = Summary(s => s.Answers["arcExpiry"] = "2026-11-20");
        var near = Summary(s => s.Answers["arcExpiry"] = "2026-12-10");
        var submitted = Summary(s => { s.Answers["arcExpiry"] = "2026-11-20"; s.ReceiptNumber = "123456789012"; });
        Assert.True(expired.Overdue);
        Assert.True(near.ExpiresSoon && !near.Overdue);
        Assert.False(submitted.Overdue);
        Assert.True(new AudienceFilter(ExpiryMonth: "2026-12").Matches(near));
    }

    private static StudentSummary Summary(Action<StudentState> shape)
    {
        var state = new StudentState { Phase = "FillingExtension", CreatedAt = Now, UpdatedAt = Now };
        shape(state);
        return StudentSummary.From(new StudentKey("tg", "1"), state, Now);
    }
}
