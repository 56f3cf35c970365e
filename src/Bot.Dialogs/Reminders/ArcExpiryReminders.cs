using System.Globalization;
using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Reminders;

/// <summary>Reminders to extend before the ARC expires, then overstay warnings. Both stop once an application is filed inside the extension window.</summary>
internal static class ArcExpiryReminders
{
    // An extension may be filed up to 3 months before expiry (since 2024-01-01).
    private const int WindowMonths = 3;

    // Overstay warnings on day 1 (10,000 bracket), day 11 (20,000) and day 30 (order to leave possible).
    private static readonly int[] OverstayWarningDays = [1, 11, 30];

    public static IEnumerable<PlannedReminder> For(StudentCase t, DateTimeOffset now)
    {
        if (t.ArcExpiry is not { } expiry || AppliedInWindow(t, expiry))
        {
            yield break;
        }

        if (TaipeiTime.DateOf(now) <= expiry)
        {
            var expiryText = TaipeiTime.Format(expiry);
            yield return ReminderFactory.Create(t, ReminderKind.ArcExpiry, ReminderFactory.Morning(expiry.AddMonths(-WindowMonths)), expiry, "3m",
                ReminderMessageKeys.ArcExpiryWindowOpen, expiryText);
            foreach (var (step, date) in new[] { ("1m", expiry.AddMonths(-1)), ("14d", expiry.AddDays(-14)), ("3d", expiry.AddDays(-3)) })
            {
                var daysLeft = (expiry.DayNumber - date.DayNumber).ToString(CultureInfo.InvariantCulture);
                yield return ReminderFactory.Create(t, ReminderKind.ArcExpiry, ReminderFactory.Morning(date), expiry, step,
                    ReminderMessageKeys.ArcExpiryApproaching, expiryText, daysLeft);
            }
        }

        foreach (var days in OverstayWarningDays)
        {
            var date = expiry.AddDays(days);
            var fine = OverstayFineCalculator.Calculate(days, date);
            yield return ReminderFactory.Create(t, ReminderKind.Overstay, ReminderFactory.Morning(date), expiry, $"d{days}",
                fine.MustLeave ? ReminderMessageKeys.OverstayThirtyOrMore : ReminderMessageKeys.OverstayUnderThirty,
                days.ToString(CultureInfo.InvariantCulture),
                TaipeiTime.FormatAmount(fine.Amount),
                TaipeiTime.FormatAmount(fine.HalvedAmount ?? fine.Amount),
                TaipeiTime.Format(expiry));
        }
    }

    /// <summary>An extension submitted once its window opened deals with this expiry, unless it was rejected: then the student still has to act.</summary>
    private static bool AppliedInWindow(StudentCase t, DateOnly expiry) =>
        t.RenewsResidence
        && t.Progress.SubmittedAt is { } submitted
        && TaipeiTime.DateOf(submitted) >= expiry.AddMonths(-WindowMonths)
        && t.Stage != CaseStage.NotApproved;
}
