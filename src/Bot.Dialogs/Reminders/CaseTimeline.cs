namespace Bot.Dialogs.Reminders;

/// <summary>What the bot knows about one NIA application: the dates the student reported or the bot saw. Null means "not yet".</summary>
public sealed record CaseTimeline
{
    /// <summary>The host's own key for the case; reminders are collapsed per case. Falls back to <see cref="ReceiptNumber"/>.</summary>
    public string? CaseId { get; init; }

    /// <summary>NIA's 12-digit receipt (case) number.</summary>
    public string? ReceiptNumber
    {
        get;
        init => field = value is null || IsReceiptNumber(value)
            ? value
            : throw new ArgumentException("A receipt number has exactly 12 digits.", nameof(value));
    }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When the student confirmed receiving the 送件受理通知 e-mail (students often think they submitted when they did not).</summary>
    public DateTimeOffset? SubmissionEmailConfirmedAt { get; init; }

    /// <summary>Approval date in Taiwan; the payment deadline counts from it.</summary>
    public DateOnly? ApprovedOn { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Date of the 審核通過已繳費製證完成通知 e-mail; pickup opens 3 working days later.</summary>
    public DateOnly? CardReadyOn { get; init; }

    public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>Set when NIA asks for more documents (補件); the host clears it when they are sent.</summary>
    public DateTimeOffset? MoreDocumentsRequestedAt { get; init; }

    public DateTimeOffset? RejectedAt { get; init; }

    /// <summary>Last legal day of the student's current ARC.</summary>
    public DateOnly? ArcExpiry { get; init; }

    public bool RemindersMuted { get; init; }

    public string? StationId { get; init; }

    /// <summary>The latest step reached; a rejection or a later step wins over earlier ones.</summary>
    public CaseStage Stage => this switch
    {
        { RejectedAt: not null } => CaseStage.NotApproved,
        { CollectedAt: not null } => CaseStage.Collected,
        { CardReadyOn: not null } => CaseStage.CardReady,
        { PaidAt: not null } => CaseStage.Paid,
        { ApprovedOn: not null } => CaseStage.Approved,
        { MoreDocumentsRequestedAt: not null } => CaseStage.MoreDocumentsRequested,
        { SubmissionEmailConfirmedAt: not null } => CaseStage.SubmissionConfirmed,
        { SubmittedAt: not null } => CaseStage.Submitted,
        _ => CaseStage.Drafting,
    };

    /// <summary>Key reminders are grouped by when collapsing.</summary>
    public string CaseKey => CaseId ?? ReceiptNumber ?? string.Empty;

    public static bool IsReceiptNumber(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);
}
