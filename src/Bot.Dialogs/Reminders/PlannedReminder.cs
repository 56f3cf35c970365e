namespace Bot.Dialogs.Reminders;

/// <summary>A reminder the scheduler should hold for a case.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="DueAt">When to push it, already moved out of quiet hours.</param>
/// <param name="DedupKey">Kind, the event date it relates to and the step, e.g. "Payment:2026-03-02:again": stable, so planning again yields the same key and the scheduler sends each once. Unique within a case.</param>
/// <param name="CaseKey">The case it belongs to (<see cref="Cases.StudentCase.CaseKey"/>).</param>
/// <param name="RelatesTo">The event date the reminder counts from (submission, approval, payment, card-ready or ARC-expiry date).</param>
/// <param name="MessageKey">Text in Messages/reminders.*.json (<see cref="ReminderMessageKeys"/>).</param>
/// <param name="Arguments">Values for the text's {0}, {1}…, already formatted (dates yyyy-MM-dd, amounts 10,000).</param>
public sealed record PlannedReminder(
    ReminderKind Kind,
    DateTimeOffset DueAt,
    string DedupKey,
    string CaseKey,
    DateOnly RelatesTo,
    string MessageKey,
    IReadOnlyList<string> Arguments);
