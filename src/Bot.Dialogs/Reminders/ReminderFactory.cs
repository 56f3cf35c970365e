using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Reminders;

/// <summary>Builds <see cref="PlannedReminder"/>s the same way for every rule: quiet hours applied, dedup key from kind, event date and step.</summary>
internal static class ReminderFactory
{
    /// <summary>Morning pushes go out when quiet hours end.</summary>
    public static DateTimeOffset Morning(DateOnly date) => TaipeiTime.At(date, QuietHours.End);

    public static PlannedReminder Create(
        StudentCase studentCase,
        ReminderKind kind,
        DateTimeOffset dueAt,
        DateOnly relatesTo,
        string? step,
        string messageKey,
        params IReadOnlyList<string> arguments)
    {
        var dedupKey = step is null
            ? $"{kind}:{TaipeiTime.Format(relatesTo)}"
            : $"{kind}:{TaipeiTime.Format(relatesTo)}:{step}";
        return new PlannedReminder(kind, QuietHours.NextAllowed(dueAt), dedupKey, studentCase.CaseKey, relatesTo, messageKey, arguments);
    }
}
