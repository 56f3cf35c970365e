using System.Text.Json.Serialization;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// What the student told the bot about their application after submitting: one date per NIA event.
/// Saved inside <see cref="StudentState"/> with short names; <see cref="StudentCaseTimeline"/> turns it into a <see cref="CaseTimeline"/>.
/// </summary>
public sealed class CaseProgress
{
    [JsonPropertyName("s")] public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The 送件受理通知 e-mail arrived.</summary>
    [JsonPropertyName("m")] public DateTimeOffset? SubmissionEmailAt { get; set; }

    [JsonPropertyName("a")] public DateOnly? ApprovedOn { get; set; }

    [JsonPropertyName("p")] public DateTimeOffset? PaidAt { get; set; }

    [JsonPropertyName("pm")] public PaymentMethod? PaymentMethod { get; set; }

    /// <summary>The 審核通過已繳費製證完成通知 e-mail arrived.</summary>
    [JsonPropertyName("c")] public DateOnly? CardReadyOn { get; set; }

    [JsonPropertyName("k")] public DateTimeOffset? CollectedAt { get; set; }

    /// <summary>NIA asked for more documents (補件); cleared when the student says they were sent.</summary>
    [JsonPropertyName("d")] public DateTimeOffset? MoreDocumentsAt { get; set; }

    [JsonPropertyName("r")] public DateTimeOffset? RejectedAt { get; set; }

    /// <summary>僑生 (FC visa) pay half the fee; asked once, when the approval is reported. Null: not asked yet.</summary>
    [JsonPropertyName("o")] public bool? OverseasChinese { get; set; }

    [JsonPropertyName("mu")] public bool Muted { get; set; }
}
