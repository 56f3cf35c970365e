using Bot.Dialogs.Applications;
using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Reminders;

/// <summary>Nudges when an expected NIA e-mail has not come: submission receipt, approval, card ready; and the weekly pickup reminder.</summary>
internal static class CaseProgressReminders
{
    private static readonly TimeSpan SubmissionEmailWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan ApprovalWait = TimeSpan.FromDays(7);

    // The 2020 guide: 3–7 days from payment to the card-ready e-mail; 8 days means something is off.
    private static readonly TimeSpan CardWait = TimeSpan.FromDays(8);

    // Pickup opens 3 working days after the card-ready e-mail.
    private const int PickupAfterWorkingDays = 3;
    private static readonly TimeSpan PickupRepeat = TimeSpan.FromDays(7);

    public static IEnumerable<PlannedReminder> For(StudentCase t, DateTimeOffset now, HolidayCalendar holidays)
    {
        var stage = t.Stage;
        if (t.Progress.SubmittedAt is { } submitted && stage is CaseStage.Submitted or CaseStage.UnderReview)
        {
            var submittedOn = TaipeiTime.DateOf(submitted);
            if (stage == CaseStage.Submitted)
            {
                yield return ReminderFactory.Create(t, ReminderKind.SubmissionEmailMissing, submitted + SubmissionEmailWait, submittedOn, null,
                    ReminderMessageKeys.SubmissionEmailMissing, TaipeiTime.Format(submittedOn));
            }

            yield return ReminderFactory.Create(t, ReminderKind.ApprovalMissing, submitted + ApprovalWait, submittedOn, null,
                ReminderMessageKeys.ApprovalMissing, TaipeiTime.Format(submittedOn));
        }

        if (stage == CaseStage.Paid && t.Progress.PaidAt is { } paid)
        {
            var paidOn = TaipeiTime.DateOf(paid);
            yield return ReminderFactory.Create(t, ReminderKind.CardMissing, paid + CardWait, paidOn, null,
                ReminderMessageKeys.CardMissing, TaipeiTime.Format(paidOn));
        }

        if (stage == CaseStage.CardReady && t.Progress.CardReadyOn is { } ready)
        {
            foreach (var pickup in Pickups(t, ready, now, holidays))
            {
                yield return pickup;
            }
        }
    }

    /// <summary>The weekly series is endless, so only the occurrence now due (if any) and the next one are planned.</summary>
    private static IEnumerable<PlannedReminder> Pickups(StudentCase t, DateOnly ready, DateTimeOffset now, HolidayCalendar holidays)
    {
        // An e-ARC can be downloaded as soon as it is ready; a card waits 3 working days at the station.
        var opensOn = t.Delivery == CardDelivery.Electronic ? ready : holidays.AddWorkingDays(ready, PickupAfterWorkingDays);
        var first = ReminderFactory.Morning(opensOn);
        var weeksDue = now < first ? -1 : (int)((now - first).Ticks / PickupRepeat.Ticks);
        for (var week = Math.Max(0, weeksDue); week <= weeksDue + 1; week++)
        {
            var dueAt = first + (PickupRepeat * week);
            yield return ReminderFactory.Create(t, ReminderKind.Pickup, dueAt, ready, $"week{week}",
                t.Delivery == CardDelivery.Electronic ? ReminderMessageKeys.Download : ReminderMessageKeys.Pickup, TaipeiTime.Format(opensOn));
        }
    }
}
