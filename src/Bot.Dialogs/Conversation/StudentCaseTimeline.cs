using System.Globalization;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>Builds the <see cref="CaseTimeline"/> the reminder rules need from a saved student record.</summary>
public static class StudentCaseTimeline
{
    public static CaseTimeline From(StudentState state)
    {
        var progress = state.Case;
        var receipt = state.ReceiptNumber is { } r && CaseTimeline.IsReceiptNumber(r) ? r : null;
        return new CaseTimeline
        {
            CaseId = receipt,
            ReceiptNumber = receipt,
            SubmittedAt = progress?.SubmittedAt,
            SubmissionEmailConfirmedAt = progress?.SubmissionEmailAt,
            ApprovedOn = progress?.ApprovedOn,
            PaidAt = progress?.PaidAt,
            PaymentMethod = progress?.PaymentMethod,
            CardReadyOn = progress?.CardReadyOn,
            CollectedAt = progress?.CollectedAt,
            MoreDocumentsRequestedAt = progress?.MoreDocumentsAt,
            RejectedAt = progress?.RejectedAt,
            ArcExpiry = DateOnly.TryParseExact(state.Answer("arcExpiry"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry) ? expiry : null,
            RemindersMuted = progress?.Muted ?? false,
            StationId = state.Answer("station"),
        };
    }
}
