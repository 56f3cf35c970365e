using Bot.Dialogs.Conversation;

namespace Bot.Dialogs.Cases;

/// <summary>
/// What is kept of a collected case once its personal data has expired (the host's <c>Retention:CollectedCaseDays</c>):
/// only what <see cref="StudentCase.Of"/> reads for the reminders — the application kind, the case's dates, the receipt
/// number the reminders are grouped by, and the few answers the plan needs (the ARC's expiry for next year's reminder, the
/// pickup station, the study status that decides an e-ARC). Names, passport, birth date, contacts, address, the files'
/// references and the rest of the form go (an advisor conversation in progress is kept: it names the advisor, not the student).
/// </summary>
public static class CollectedCaseRetention
{
    /// <summary>The answers reminders read (<see cref="StudentCase.Of"/> and the applications' delivery rules).</summary>
    public static readonly IReadOnlySet<string> KeptAnswers = new HashSet<string>(StringComparer.Ordinal) { "arcExpiry", "station", "studyStatus" };

    /// <summary>When a case collected at <see cref="CaseProgress.CollectedAt"/> loses its personal data; null when it is not collected.</summary>
    public static DateTimeOffset? ExpiresAt(StudentState state, TimeSpan keptFor) =>
        state.Case is { Stage: CaseStage.Collected, CollectedAt: { } collected } ? collected + keptFor : null;

    /// <summary>Whether <paramref name="state"/> still holds anything beyond what <see cref="KeepForReminders"/> keeps.</summary>
    public static bool HoldsPersonalData(StudentState state) =>
        state.Answers.Keys.Any(k => !KeptAnswers.Contains(k)) || state.Skipped is { Count: > 0 } || state.Uploads is { Count: > 0 };

    /// <summary>Drops everything the reminders do not need, in place; the conversation goes back to tracking the case.</summary>
    public static void KeepForReminders(StudentState state)
    {
        foreach (var field in state.Answers.Keys.Where(k => !KeptAnswers.Contains(k)).ToList())
        {
            state.Answers.Remove(field);
        }

        state.Skipped = null;
        state.Uploads = null;
        state.Field = null;
        state.EditingFromReview = false;
        state.Page = 0;
    }
}
