using System.Globalization;
using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// After approval NIA's e-mail says to pay within 5 days; nothing says what happens after, so the bot pushes hard before.
/// "Within 5 days of approval" may count the approval day itself (domain.md §4.1), so the bot's last day is approval + 4:
/// calendar days (an NIA-derived university text says 5 working days; calendar days is the safe reading).
/// </summary>
internal static class PaymentReminders
{
    /// <summary>Days from approval (the day the approval e-mail arrived) to the safe last day to pay.</summary>
    public const int DaysToPay = 4;

    private const int SecondReminderDay = 2;

    public static DateOnly? Deadline(StudentCase c) => c.Progress.ApprovedOn?.AddDays(DaysToPay);

    public static IEnumerable<PlannedReminder> For(StudentCase t, DateTimeOffset now)
    {
        if (t.Stage != CaseStage.Approved || t.Progress.ApprovedOn is not { } approved)
        {
            yield break;
        }

        var deadline = approved.AddDays(DaysToPay);
        var deadlineText = TaipeiTime.Format(deadline);

        // Planned from the start so the scheduler holds the whole sequence; dropped as soon as the payment is recorded.
        yield return ReminderFactory.Create(t, ReminderKind.PaymentOverdue, ReminderFactory.Morning(deadline.AddDays(1)), approved, null,
            ReminderMessageKeys.PaymentOverdue, deadlineText);

        if (TaipeiTime.DateOf(now) > deadline)
        {
            yield break;
        }

        var again = ReminderFactory.Morning(approved.AddDays(SecondReminderDay));
        var approvedReminder = QuietHours.NextAllowed(Max(ReminderFactory.Morning(approved), now));

        // Learning of the approval after the second push is due: that push already carries the instructions.
        if (approvedReminder < again)
        {
            yield return ReminderFactory.Create(t, ReminderKind.Payment, approvedReminder, approved, "approved",
                ReminderMessageKeys.PaymentApproved, deadlineText);
        }

        yield return ReminderFactory.Create(t, ReminderKind.Payment, again, approved, "again",
            ReminderMessageKeys.PaymentAgain, deadlineText, (DaysToPay - SecondReminderDay).ToString(CultureInfo.InvariantCulture));
        yield return ReminderFactory.Create(t, ReminderKind.Payment, ReminderFactory.Morning(deadline), approved, "lastDay",
            ReminderMessageKeys.PaymentLastDay, deadlineText);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
