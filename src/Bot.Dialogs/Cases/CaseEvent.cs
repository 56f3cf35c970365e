namespace Bot.Dialogs.Cases;

/// <summary>
/// What can happen to an application after it is submitted, as the student reports it (one NIA e-mail or notice
/// each). The same names are used by the stored <see cref="CaseProgress"/>, the buttons ("case:paid"), the texts
/// (<c>case.button.{Event}</c>, <c>case.event.{Event}</c>) and the advisors' timeline.
/// </summary>
public enum CaseEvent
{
    /// <summary>The 送件受理通知 e-mail: NIA has the application.</summary>
    EmailArrived,

    /// <summary>The 送件線上繳費通知 e-mail: approved, pay within 5 days.</summary>
    Approved,
    Paid,

    /// <summary>The 審核通過已繳費製證完成通知 (receipt) e-mail: the card is made.</summary>
    CardReady,
    Collected,

    /// <summary>NIA asked for more documents (補件, 待補件案件).</summary>
    MoreDocuments,

    /// <summary>The student uploaded what NIA asked for.</summary>
    DocumentsSent,
    NotApproved,
}
