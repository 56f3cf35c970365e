namespace Bot.Dialogs.Cases;

/// <summary>Which events can come next at each stage: what the student is offered, and what a report may change.</summary>
public static class CaseFlow
{
    /// <summary>The events offered as buttons at <paramref name="stage"/>, most likely first.</summary>
    public static IReadOnlyList<CaseEvent> Next(CaseStage stage) => stage switch
    {
        CaseStage.Submitted => [CaseEvent.EmailArrived, CaseEvent.Approved, CaseEvent.MoreDocuments, CaseEvent.NotApproved],
        CaseStage.UnderReview => [CaseEvent.Approved, CaseEvent.MoreDocuments, CaseEvent.NotApproved],
        CaseStage.MoreDocuments => [CaseEvent.Approved, CaseEvent.NotApproved],
        CaseStage.Approved => [CaseEvent.Paid, CaseEvent.CardReady],
        CaseStage.Paid => [CaseEvent.CardReady, CaseEvent.Collected],
        CaseStage.CardReady => [CaseEvent.Collected],
        _ => [],
    };

    /// <summary>Whether <paramref name="caseEvent"/> can be reported at <paramref name="stage"/> (a later step may skip an earlier one's report).</summary>
    public static bool CanReport(CaseEvent caseEvent, CaseStage stage) => caseEvent switch
    {
        CaseEvent.EmailArrived => stage == CaseStage.Submitted,
        CaseEvent.Approved or CaseEvent.MoreDocuments or CaseEvent.NotApproved =>
            stage is CaseStage.Submitted or CaseStage.UnderReview or CaseStage.MoreDocuments,
        CaseEvent.Paid => stage == CaseStage.Approved,
        CaseEvent.CardReady => stage is CaseStage.Approved or CaseStage.Paid,
        CaseEvent.Collected => stage is CaseStage.Paid or CaseStage.CardReady,
        CaseEvent.DocumentsSent => stage == CaseStage.MoreDocuments,
        _ => false,
    };
}
