using System.Globalization;
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
        var expiry = DateOnly.TryParseExact(state.Answer("arcExpiry"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : (DateOnly?)null;
        var stage = StageOf(state);
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

        // Until the application is in, the ARC's expiry is the deadline that matters (applying late means a fine);
        // once approved and unpaid, the 5-day payment window does.
        var deadline = stage < CaseStep.Submitted ? expiry
            : stage == CaseStep.Approved ? Bot.Dialogs.Reminders.ReminderPlanner.PaymentDeadline(Bot.Dialogs.Conversation.StudentCaseTimeline.From(state))
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

    /// <summary>The dialog's phase until submission; afterwards the case dates (kept by case tracking in <see cref="StudentState.Case"/>).</summary>
    public static CaseStep StageOf(StudentState state)
    {
        if (state.Case is { } c)
        {
            if (c.CollectedAt is not null) return CaseStep.Collected;
            if (c.PaidAt is not null || c.CardReadyOn is not null) return CaseStep.Paid;
            if (c.ApprovedOn is not null) return CaseStep.Approved;
        }

        if (state.ReceiptNumber is not null || state.Phase is "Submitted" or "Tracking" or "AddingDocuments")
        {
            return CaseStep.Submitted;
        }

        return state.Phase switch
        {
            "New" or "ChoosingLanguage" or "ChoosingApplication" => CaseStep.New,
            "Reviewing" or "Editing" or "AwaitingReceipt" => CaseStep.Reviewing,
            _ => CaseStep.Drafting,
        };
    }
}
