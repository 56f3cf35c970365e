using Bot.Dialogs.Cases;
using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class ReminderPlannerTests
{
    private static DateTimeOffset Taipei(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static readonly StudentCase Submitted = new() { ReceiptNumber = "113000123456", RenewsResidence = true, Progress = new() { SubmittedAt = Taipei(3, 2, 10) } };

    private static readonly StudentCase Approved = Submitted.With(p => p with
    {
        EmailArrivedAt = Taipei(3, 2, 20),
        ApprovedOn = new DateOnly(2026, 3, 5),
    });

    private static (ReminderKind Kind, DateTimeOffset DueAt, string Key)[] Summary(IEnumerable<PlannedReminder> reminders) =>
        [.. reminders.Select(r => (r.Kind, r.DueAt, r.DedupKey))];

    [Fact]
    public void PlansNothingForADraftWithoutAnArc() =>
        Assert.Empty(ReminderPlanner.Plan(new StudentCase(), Taipei(3, 1, 9)));

    [Fact]
    public void AsksForTheSubmissionEmailAfterADayAndForApprovalAfterAWeek() =>
        Assert.Equal(
            [
                (ReminderKind.SubmissionEmailMissing, Taipei(3, 3, 10), "SubmissionEmailMissing:2026-03-02"),
                (ReminderKind.ApprovalMissing, Taipei(3, 9, 10), "ApprovalMissing:2026-03-02"),
            ],
            Summary(ReminderPlanner.Plan(Submitted, Taipei(3, 2, 10, 5))));

    [Fact]
    public void StopsAskingForTheEmailOnceConfirmed() =>
        Assert.Equal(
            [(ReminderKind.ApprovalMissing, Taipei(3, 9, 10), "ApprovalMissing:2026-03-02")],
            Summary(ReminderPlanner.Plan(Submitted.With(p => p with { EmailArrivedAt = Taipei(3, 2, 20) }), Taipei(3, 2, 20, 5))));

    [Fact]
    public void MovesALateNightReminderToEightTheNextMorning()
    {
        var late = Submitted.With(p => p with { SubmittedAt = Taipei(3, 2, 23, 30) });

        Assert.Equal(Taipei(3, 4, 8), ReminderPlanner.Plan(late, Taipei(3, 2, 23, 31))[0].DueAt);
    }

    [Fact]
    public void WaitsForMoreDocumentsWithoutNagging() =>
        Assert.Empty(ReminderPlanner.Plan(Submitted.With(p => p with { MoreDocumentsAt = Taipei(3, 4, 9) }), Taipei(3, 4, 10)));

    [Fact]
    public void PlansPaymentRightAwayTwoDaysLaterOnTheLastMorningAndOverdueAfter()
    {
        var reminders = ReminderPlanner.Plan(Approved, Taipei(3, 5, 12, 30));

        Assert.Equal(
            [
                (ReminderKind.Payment, Taipei(3, 5, 12, 30), "Payment:2026-03-05:approved"),
                (ReminderKind.Payment, Taipei(3, 7, 8), "Payment:2026-03-05:again"),
                (ReminderKind.Payment, Taipei(3, 9, 8), "Payment:2026-03-05:lastDay"),
                (ReminderKind.PaymentOverdue, Taipei(3, 10, 8), "PaymentOverdue:2026-03-05"),
            ],
            Summary(reminders));
        Assert.All(reminders, r => Assert.Equal("2026-03-09", r.Arguments[0]));
        Assert.Equal(["2026-03-09", "2"], reminders[1].Arguments);

        // "Within 5 days of approval" may count the approval day itself: the safe last day is approval + 4.
        Assert.Equal(new DateOnly(2026, 3, 9), ReminderPlanner.PaymentDeadline(Approved));
    }

    [Fact]
    public void SendsTheApprovalReminderAtEightWhenApprovalIsKnownEarly() =>
        Assert.Equal(Taipei(3, 5, 8), ReminderPlanner.Plan(Approved, Taipei(3, 5, 6))[0].DueAt);

    [Fact]
    public void SendsTheApprovalReminderInTheMorningWhenApprovalIsLearnedAtNight() =>
        Assert.Equal(Taipei(3, 6, 8), ReminderPlanner.Plan(Approved, Taipei(3, 5, 22, 30))[0].DueAt);

    [Fact]
    public void FlagsPaymentOverdueOnlyAfterTheDeadlineDay()
    {
        Assert.False(ReminderPlanner.IsPaymentOverdue(Approved, Taipei(3, 9, 23, 59)));
        Assert.True(ReminderPlanner.IsPaymentOverdue(Approved, Taipei(3, 10, 0)));
        Assert.False(ReminderPlanner.IsPaymentOverdue(Approved.With(p => p with { PaidAt = Taipei(3, 9, 15) }), Taipei(3, 10, 0)));
        Assert.Null(ReminderPlanner.PaymentDeadline(Submitted));
    }

    [Fact]
    public void AsksForTheCardEightDaysAfterPayment() =>
        Assert.Equal(
            [(ReminderKind.CardMissing, Taipei(3, 17, 15), "CardMissing:2026-03-09")],
            Summary(ReminderPlanner.Plan(Approved.With(p => p with { PaidAt = Taipei(3, 9, 15) }), Taipei(3, 9, 15, 1))));

    [Fact]
    public void OpensPickupOnTheThirdWorkingDayAfterTheCardIsReady()
    {
        var ready = Approved.With(p => p with { PaidAt = Taipei(3, 9, 15), CardReadyOn = new DateOnly(2026, 3, 19) });

        var reminders = ReminderPlanner.Plan(ready, Taipei(3, 19, 9));

        Assert.Equal([(ReminderKind.Pickup, Taipei(3, 24, 8), "Pickup:2026-03-19:week0")], Summary(reminders));
        Assert.Equal(["2026-03-24"], reminders[0].Arguments);
    }

    [Fact]
    public void RepeatsPickupWeeklyPlanningOnlyTheCurrentAndNextWeek()
    {
        var ready = Approved.With(p => p with { PaidAt = Taipei(3, 9, 15), CardReadyOn = new DateOnly(2026, 3, 19) });

        Assert.Equal(
            [
                (ReminderKind.Pickup, Taipei(3, 31, 8), "Pickup:2026-03-19:week1"),
                (ReminderKind.Pickup, Taipei(4, 7, 8), "Pickup:2026-03-19:week2"),
            ],
            Summary(ReminderPlanner.Plan(ready, Taipei(4, 1, 9))));
        Assert.Empty(ReminderPlanner.Plan(ready.With(p => p with { CollectedAt = Taipei(4, 1, 10) }), Taipei(4, 1, 11)));
    }

    [Fact]
    public void RemindsBeforeArcExpiryThenWarnsOfOverstayWithTheFine()
    {
        var student = new StudentCase { ArcExpiry = new DateOnly(2026, 6, 30), RenewsResidence = true };

        var reminders = ReminderPlanner.Plan(student, Taipei(3, 1, 9));

        Assert.Equal(
            [
                (ReminderKind.ArcExpiry, Taipei(3, 30, 8), "ArcExpiry:2026-06-30:3m"),
                (ReminderKind.ArcExpiry, Taipei(5, 30, 8), "ArcExpiry:2026-06-30:1m"),
                (ReminderKind.ArcExpiry, Taipei(6, 16, 8), "ArcExpiry:2026-06-30:14d"),
                (ReminderKind.ArcExpiry, Taipei(6, 27, 8), "ArcExpiry:2026-06-30:3d"),
                (ReminderKind.Overstay, Taipei(7, 1, 8), "Overstay:2026-06-30:d1"),
                (ReminderKind.Overstay, Taipei(7, 11, 8), "Overstay:2026-06-30:d11"),
                (ReminderKind.Overstay, Taipei(7, 30, 8), "Overstay:2026-06-30:d30"),
            ],
            Summary(reminders));
        Assert.Equal(["2026-06-30", "3"], reminders[3].Arguments);
        Assert.Equal(["1", "10,000", "5,000", "2026-06-30"], reminders[4].Arguments);
        Assert.Equal(["11", "20,000", "10,000", "2026-06-30"], reminders[5].Arguments);
        Assert.Equal(ReminderMessageKeys.OverstayUnderThirty, reminders[5].MessageKey);
        Assert.Equal(ReminderMessageKeys.OverstayThirtyOrMore, reminders[6].MessageKey);
    }

    [Fact]
    public void StopsArcRemindersOnceAnApplicationIsFiledInTheWindow()
    {
        var student = new StudentCase { ArcExpiry = new DateOnly(2026, 6, 30), RenewsResidence = true };

        Assert.Empty(ReminderPlanner.Plan(student.With(p => p with { SubmittedAt = Taipei(4, 2, 10), EmailArrivedAt = Taipei(4, 2, 11), ApprovedOn = new DateOnly(2026, 4, 4), PaidAt = Taipei(4, 4, 12), CardReadyOn = new DateOnly(2026, 4, 8), CollectedAt = Taipei(4, 14, 9) }), Taipei(4, 15, 9)));
        Assert.Contains(ReminderPlanner.Plan(student.With(p => p with { SubmittedAt = Taipei(3, 29, 10) }), Taipei(3, 29, 11)), r => r.Kind == ReminderKind.ArcExpiry);
    }

    [Fact]
    public void KeepsArcRemindersWhenTheApplicationIsRejected()
    {
        var rejected = new StudentCase { ArcExpiry = new DateOnly(2026, 6, 30), RenewsResidence = true, Progress = new() { SubmittedAt = Taipei(4, 2, 10), NotApprovedAt = Taipei(4, 20, 10) } };

        Assert.Contains(ReminderPlanner.Plan(rejected, Taipei(4, 21, 9)), r => r.DedupKey == "ArcExpiry:2026-06-30:1m");
    }

    [Fact]
    public void WarnsOnlyOfOverstayAfterExpiry()
    {
        var student = new StudentCase { ArcExpiry = new DateOnly(2026, 6, 30), RenewsResidence = true };

        Assert.Equal(
            ["Overstay:2026-06-30:d1", "Overstay:2026-06-30:d11", "Overstay:2026-06-30:d30"],
            ReminderPlanner.Plan(student, Taipei(7, 5, 9)).Select(r => r.DedupKey));
    }

    [Fact]
    public void PlansNothingWhenMuted() =>
        Assert.Empty(ReminderPlanner.Plan(Approved.With(p => p with { Muted = true }) with { ArcExpiry = new DateOnly(2026, 6, 30) }, Taipei(3, 5, 12)));

    [Fact]
    public void GivesTheSameKeysWhenPlannedAgain()
    {
        var first = ReminderPlanner.Plan(Approved, Taipei(3, 5, 12, 30)).Select(r => r.DedupKey);
        var again = ReminderPlanner.Plan(Approved, Taipei(3, 5, 16)).Select(r => r.DedupKey);

        Assert.Equal(first, again);
    }

    [Fact]
    public void KeepsOnlyTheLatestDuePaymentReminderWhenPlannedLate() =>
        Assert.Equal(
            [
                (ReminderKind.Payment, Taipei(3, 9, 8), "Payment:2026-03-05:lastDay"),
                (ReminderKind.PaymentOverdue, Taipei(3, 10, 8), "PaymentOverdue:2026-03-05"),
            ],
            Summary(ReminderPlanner.Plan(Approved, Taipei(3, 9, 9))));

    [Fact]
    public void CollapsesOverdueRemindersToTheLatestOfEachKindPerCase()
    {
        var caseA = ReminderPlanner.Plan(Approved, Taipei(3, 5, 12, 30)).Where(r => r.Kind == ReminderKind.Payment);
        var caseB = ReminderPlanner.Plan(Submitted with { ReceiptNumber = "113000999999" }, Taipei(3, 2, 10, 5));

        var collapsed = ReminderPlanner.CollapseOverdue(caseA.Concat(caseB));

        Assert.Equal(
            ["SubmissionEmailMissing:2026-03-02", "Payment:2026-03-05:lastDay", "ApprovalMissing:2026-03-02"],
            collapsed.Select(r => r.DedupKey));
        Assert.Equal("113000123456", collapsed[1].CaseKey);
    }

    [Fact]
    public void DropsPaymentRemindersOncePaid()
    {
        var reminder = ReminderPlanner.Plan(Approved, Taipei(3, 5, 12, 30)).Single(r => r.DedupKey == "Payment:2026-03-05:again");

        Assert.True(ReminderPlanner.IsStillRelevant(reminder, Approved, Taipei(3, 7, 7)));
        Assert.False(ReminderPlanner.IsStillRelevant(reminder, Approved.With(p => p with { PaidAt = Taipei(3, 6, 9) }), Taipei(3, 7, 7)));
        Assert.False(ReminderPlanner.IsStillRelevant(reminder, Approved.With(p => p with { Muted = true }), Taipei(3, 7, 7)));
    }

    [Fact]
    public void DropsASupersededReminder()
    {
        var again = ReminderPlanner.Plan(Approved, Taipei(3, 5, 12, 30)).Single(r => r.DedupKey == "Payment:2026-03-05:again");

        Assert.False(ReminderPlanner.IsStillRelevant(again, Approved, Taipei(3, 9, 9)));
    }

    [Fact]
    public void DropsArcRemindersOnceTheExtensionIsSubmitted()
    {
        var student = new StudentCase { ArcExpiry = new DateOnly(2026, 6, 30), RenewsResidence = true };
        var oneMonth = ReminderPlanner.Plan(student, Taipei(3, 1, 9)).Single(r => r.DedupKey == "ArcExpiry:2026-06-30:1m");

        Assert.False(ReminderPlanner.IsStillRelevant(oneMonth, student.With(p => p with { SubmittedAt = Taipei(5, 2, 10) }), Taipei(5, 2, 11)));
    }
}
