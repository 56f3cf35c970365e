namespace Bot.Dialogs.Cases;

/// <summary>Where an application stands, derived from <see cref="CaseProgress"/> (never stored, so it cannot disagree with the dates).</summary>
public enum CaseStage
{
    /// <summary>Not submitted yet.</summary>
    Drafting,

    /// <summary>Submitted; the 送件受理通知 e-mail has not been confirmed.</summary>
    Submitted,

    /// <summary>The 送件受理通知 e-mail arrived: NIA is reviewing it.</summary>
    UnderReview,

    /// <summary>NIA asked for more documents (補件) and they are not sent yet.</summary>
    MoreDocuments,
    Approved,
    Paid,
    CardReady,
    Collected,
    NotApproved,
}
