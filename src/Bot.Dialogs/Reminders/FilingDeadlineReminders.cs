using System.Globalization;
using Bot.Dialogs.Applications;
using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// An application the law gives a deadline (30 days after entry, a move or a change of school; before an e-ARC
/// expires) that is still a draft: a week before, the day before, and once the day after (late: still file it).
/// The extension's own deadline, the ARC's expiry, has <see cref="ArcExpiryReminders"/>.
/// </summary>
internal static class FilingDeadlineReminders
{
    private static readonly int[] DaysBefore = [7, 1];

    public static IEnumerable<PlannedReminder> For(StudentCase c, DateTimeOffset now)
    {
        if (c.FilingDue is not { } due || c.RenewsResidence || c.Stage != CaseStage.Drafting)
        {
            yield break;
        }

        // The texts are the application's own (what a late filing costs differs): app.{kind}.reminder.due / .late.
        var application = ApplicationCatalogue.For(c.Kind);
        var dueText = TaipeiTime.Format(due);
        foreach (var days in DaysBefore)
        {
            yield return ReminderFactory.Create(c, ReminderKind.FilingDue, ReminderFactory.Morning(due.AddDays(-days)), due, $"{days}d",
                application.DueReminderKey, dueText, days.ToString(CultureInfo.InvariantCulture));
        }

        yield return ReminderFactory.Create(c, ReminderKind.FilingDue, ReminderFactory.Morning(due.AddDays(1)), due, "late",
            application.LateReminderKey, dueText);
    }
}
