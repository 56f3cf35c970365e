using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Storage;

namespace Bot.Host.Advisors;

/// <summary>Where a student's application stands, as advisors filter by it. Derived, never stored.</summary>
public enum CaseStep
{
    New,
    Drafting,
    Reviewing,
    Submitted,
    Approved,
    Paid,
    Collected,
}

/// <summary>One row of the advisors' view: what the table, filters, CSV, audiences and /stats need, and no more.</summary>
public sealed record StudentSummary(
    string Key,
    string Channel,
    string Name,
    string Language,
    string? ApplicationKind,
    CaseStep Stage,
    string? Programme,
    DateOnly? ArcExpiry,
    DateOnly? NextDeadline,
    bool Overdue,
    bool ExpiresSoon,
    bool WithAdvisor,
    DateTimeOffset LastActive)
{
    /// <summary>How close an expiry must be to be flagged.</summary>
    public const int ExpiresSoonDays = 30;

    public bool IsSubmitted => Stage >= CaseStep.Submitted;

    public bool IsPaid => Stage >= CaseStep.Paid;

    public static StudentSummary From(StudentKey key, StudentState state, DateTimeOffset now)
    {
        var name = string.Join(' ', new[] { state.Answer("surname"), state.Answer("givenNames") }.Where(s => !string.IsNullOrEmpty(s)));
        var studentCase = StudentCase.Of(state);
        var expiry = studentCase.ArcExpiry;
        var stage = StageOf(state);
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

        // Until the application is in, its filing deadline matters (the ARC's expiry for an extension, 30 days after
        // entry for a first ARC: late means a fine); once approved and unpaid, the 5-day payment window does.
        var deadline = stage < CaseStep.Submitted ? studentCase.FilingDue ?? expiry
            : stage == CaseStep.Approved ? Bot.Dialogs.Reminders.ReminderPlanner.PaymentDeadline(studentCase)
            : null;
        return new StudentSummary(
            key.ToString(),
            key.Channel,
            name.Length == 0 ? "(no name yet)" : name,
            state.Language.Code(),
            state.ApplicationKind,
            stage,
            state.Answer("programme"),
            expiry,
            deadline,
            Overdue: deadline is { } d && d < today,
            ExpiresSoon: deadline is { } s && s >= today && s.DayNumber - today.DayNumber <= ExpiresSoonDays,
            WithAdvisor: state.Advisor is not null,
            state.UpdatedAt);
    }

    /// <summary>The dialog's phase until submission; afterwards the case's stage (<see cref="StudentCase"/>), grouped as advisors filter.</summary>
    public static CaseStep StageOf(StudentState state)
    {
        switch (StudentCase.Of(state).Stage)
        {
            case CaseStage.Collected: return CaseStep.Collected;
            case CaseStage.Paid or CaseStage.CardReady: return CaseStep.Paid;
            case CaseStage.Approved: return CaseStep.Approved;
        }

        if (state.ReceiptNumber is not null || state.Phase is "Tracking" or "AddingDocuments")
        {
            return CaseStep.Submitted;
        }

        return state.Phase switch
        {
            "New" or "ChoosingLanguage" or "ChoosingApplication" or "Triage" => CaseStep.New,
            "Reviewing" or "Editing" or "AwaitingReceipt" => CaseStep.Reviewing,
            _ => CaseStep.Drafting,
        };
    }
}
