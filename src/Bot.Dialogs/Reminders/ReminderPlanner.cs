using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Reminders;

/// <summary>Decides which reminders a case should have. Pure: the host passes the case and its clock's "now", stores the result by <see cref="PlannedReminder.DedupKey"/> and sends each key once.</summary>
public static class ReminderPlanner
{
    /// <summary>The reminders that should exist for <paramref name="studentCase"/>, ordered by due time.</summary>
    /// <remarks>Includes reminders already due (the scheduler skips keys it has sent), but of those only the latest per kind: an older due reminder of the same kind is superseded.</remarks>
    /// <param name="holidays">The office calendar pickup dates count working days in; the built-in one when null.</param>
    public static IReadOnlyList<PlannedReminder> Plan(StudentCase studentCase, DateTimeOffset now, HolidayCalendar? holidays = null)
    {
        if (studentCase.RemindersMuted)
        {
            return [];
        }

        var all = CaseProgressReminders.For(studentCase, now, holidays ?? HolidayCalendar.Embedded)
            .Concat(PaymentReminders.For(studentCase, now))
            .Concat(ArcExpiryReminders.For(studentCase, now))
            .Concat(FilingDeadlineReminders.For(studentCase, now))
            .ToList();
        var latestDue = CollapseOverdue(all.Where(r => r.DueAt <= now));
        return [.. latestDue.Concat(all.Where(r => r.DueAt > now)).OrderBy(r => r.DueAt).ThenBy(r => r.DedupKey, StringComparer.Ordinal)];
    }

    /// <summary>False when the reminder's condition no longer holds (paid, muted, superseded…); the scheduler drops it.</summary>
    public static bool IsStillRelevant(PlannedReminder reminder, StudentCase studentCase, DateTimeOffset now, HolidayCalendar? holidays = null) =>
        Plan(studentCase, now, holidays).Any(r => r.DedupKey == reminder.DedupKey);

    /// <summary>After downtime several reminders may be due at once: keep only the latest of each kind per case.</summary>
    public static IReadOnlyList<PlannedReminder> CollapseOverdue(IEnumerable<PlannedReminder> due) =>
        [.. due.GroupBy(r => (r.CaseKey, r.Kind)).Select(g => g.MaxBy(r => r.DueAt)!).OrderBy(r => r.DueAt)];

    /// <summary>The safe last day to pay: the approval day + 4 (NIA: "within 5 days of approval"); null before approval.</summary>
    public static DateOnly? PaymentDeadline(StudentCase studentCase) => PaymentReminders.Deadline(studentCase);

    /// <summary>Approved, not paid, and the deadline day (Taiwan time) is over.</summary>
    public static bool IsPaymentOverdue(StudentCase studentCase, DateTimeOffset now) =>
        studentCase.Stage == CaseStage.Approved
        && PaymentDeadline(studentCase) is { } deadline
        && TaipeiTime.DateOf(now) > deadline;
}
