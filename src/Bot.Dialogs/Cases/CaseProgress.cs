using System.Text.Json.Serialization;

namespace Bot.Dialogs.Cases;

/// <summary>
/// The one persisted record of an application after submission: one date per <see cref="CaseEvent"/>, as the student
/// reported it. Saved inside the student's record with short names (never rename them: stored records use them).
/// Immutable: a change is a new value (<c>with</c>), so a host can tell whether a turn changed the case.
/// </summary>
public sealed record CaseProgress
{
    public static readonly CaseProgress None = new();

    [JsonPropertyName("s")] public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary><see cref="CaseEvent.EmailArrived"/>: the 送件受理通知 e-mail.</summary>
    [JsonPropertyName("m")] public DateTimeOffset? EmailArrivedAt { get; init; }

    /// <summary><see cref="CaseEvent.Approved"/>: the day the approval (payment) e-mail arrived; the payment deadline counts from it.</summary>
    [JsonPropertyName("a")] public DateOnly? ApprovedOn { get; init; }

    [JsonPropertyName("p")] public DateTimeOffset? PaidAt { get; init; }

    [JsonPropertyName("pm")] public PaymentMethod? PaymentMethod { get; init; }

    /// <summary><see cref="CaseEvent.CardReady"/>: the day of the 審核通過已繳費製證完成通知 e-mail; pickup opens 3 working days later.</summary>
    [JsonPropertyName("c")] public DateOnly? CardReadyOn { get; init; }

    [JsonPropertyName("k")] public DateTimeOffset? CollectedAt { get; init; }

    /// <summary><see cref="CaseEvent.MoreDocuments"/>: when the student reported NIA's 補件 notice; cleared by <see cref="CaseEvent.DocumentsSent"/>.</summary>
    [JsonPropertyName("d")] public DateTimeOffset? MoreDocumentsAt { get; init; }

    /// <summary>The day NIA's 補件 notice arrived: the 15 days run from the day after (null in records from before it was asked).</summary>
    [JsonPropertyName("dn")] public DateOnly? MoreDocumentsNoticeOn { get; init; }

    [JsonPropertyName("r")] public DateTimeOffset? NotApprovedAt { get; init; }

    /// <summary>僑生 (FC visa) pay half the fee; asked once, at approval, where the fee depends on it. Null: not asked yet.</summary>
    [JsonPropertyName("o")] public bool? OverseasChinese { get; init; }

    [JsonPropertyName("mu")] public bool Muted { get; init; }

    /// <summary>The latest step reached; a rejection or a later step wins over earlier ones.</summary>
    [JsonIgnore]
    public CaseStage Stage => this switch
    {
        { NotApprovedAt: not null } => CaseStage.NotApproved,
        { CollectedAt: not null } => CaseStage.Collected,
        { CardReadyOn: not null } => CaseStage.CardReady,
        { PaidAt: not null } => CaseStage.Paid,
        { ApprovedOn: not null } => CaseStage.Approved,
        { MoreDocumentsAt: not null } => CaseStage.MoreDocuments,
        { EmailArrivedAt: not null } => CaseStage.UnderReview,
        { SubmittedAt: not null } => CaseStage.Submitted,
        _ => CaseStage.Drafting,
    };

    /// <summary>The events that happened, with when, in no particular order (dates are mornings in Taiwan).</summary>
    public IEnumerable<(CaseEvent Event, DateTimeOffset At)> Events()
    {
        if (EmailArrivedAt is { } email) yield return (CaseEvent.EmailArrived, email);
        if (ApprovedOn is { } approved) yield return (CaseEvent.Approved, Morning(approved));
        if (PaidAt is { } paid) yield return (CaseEvent.Paid, paid);
        if (CardReadyOn is { } ready) yield return (CaseEvent.CardReady, Morning(ready));
        if (CollectedAt is { } collected) yield return (CaseEvent.Collected, collected);
        if (MoreDocumentsAt is { } more) yield return (CaseEvent.MoreDocuments, more);
        if (NotApprovedAt is { } rejected) yield return (CaseEvent.NotApproved, rejected);
    }

    private static DateTimeOffset Morning(DateOnly date) => Reminders.TaipeiTime.At(date, new TimeOnly(8, 0));
}
