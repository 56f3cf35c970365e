using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
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

    /// <summary>Shown for a student who has not given a name yet.</summary>
    public const string NoName = "(no name yet)";

    /// <summary>The school profile the student chose (<c>Schools:N:Id</c>, or "other"); null before they chose one.</summary>
    public string? School { get; init; }

    public static StudentSummary From(StudentKey key, StudentState state, DateTimeOffset now) =>
        Roster.RosterEntry.From(key, state).ToSummary(key, now, state.UpdatedAt);

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
