namespace Bot.Dialogs.Reminders;

/// <summary>Where an application stands, derived from <see cref="CaseTimeline"/> (never stored, so it cannot disagree with the dates).</summary>
public enum CaseStage
{
    Drafting,
    Submitted,
    SubmissionConfirmed,
    Approved,
    Paid,
    CardReady,
    Collected,
    MoreDocumentsRequested,
    NotApproved,
}
