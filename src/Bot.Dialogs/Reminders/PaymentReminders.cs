using System.Globalization;
using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Reminders;

/// <summary>After approval NIA's e-mail says to pay within 5 days; nothing says what happens after, so the bot pushes hard before.</summary>
internal static class PaymentReminders
{
    /// <summary>Calendar days from approval to the last day to pay (the e-mail's wording; an NIA-derived university text says 5 working days, so calendar days is the safe reading).</summary>
    public const int DaysToPay = 5;

    private const int SecondReminderDay = 3;

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

        var day3 = ReminderFactory.Morning(approved.AddDays(SecondReminderDay));
        var approvedReminder = QuietHours.NextAllowed(Max(ReminderFactory.Morning(approved), now));

        // Learning of the approval after the day-3 push is due: that push already carries the instructions.
        if (approvedReminder < day3)
        {
            yield return ReminderFactory.Create(t, ReminderKind.Payment, approvedReminder, approved, "approved",
                ReminderMessageKeys.PaymentApproved, deadlineText);
        }

        yield return ReminderFactory.Create(t, ReminderKind.Payment, day3, approved, "day3",
            ReminderMessageKeys.PaymentDay3, deadlineText, (DaysToPay - SecondReminderDay).ToString(CultureInfo.InvariantCulture));
        yield return ReminderFactory.Create(t, ReminderKind.Payment, ReminderFactory.Morning(deadline), approved, "lastDay",
            ReminderMessageKeys.PaymentLastDay, deadlineText);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
