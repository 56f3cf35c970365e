using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>After submission: the student reports each NIA event, asks where the case stands, and mutes reminders.</summary>
public sealed partial class StudentConversation
{
    // Questions asked inside the tracking phases, kept in StudentState.Field like form fields.
    private const string AskingApprovalDate = "case.approvedOn";
    private const string AskingOverseasChinese = "case.overseasChinese";
    private const string AskingPaymentMethod = "case.paymentMethod";

    /// <summary>NIA gives 15 days, counted from the day after its 補件 notice, to add documents.</summary>
    private const int MoreDocumentsDays = 15;

    private enum CaseEvent
    {
        EmailArrived,
        Approved,
        Paid,
        CardReady,
        Collected,
        MoreDocuments,
        NotApproved,
    }

    private static readonly Dictionary<string, CaseEvent> EventsByButton = Enum.GetValues<CaseEvent>()
        .ToDictionary(e => ButtonData.CasePrefix + e.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    private CaseProgress Progress => state.Case ??= new CaseProgress();

    private CaseStage Stage => StudentCaseTimeline.From(state).Stage;

    private DateOnly Today => settings.TodayInTaiwan();

    private void ConfigureTracking()
    {
        machine.Configure(State.Tracking)
            .SubstateOf(State.Active)
            .Permit(Trigger.MoreDocumentsRequested, State.AddingDocuments);

        machine.Configure(State.AddingDocuments)
            .SubstateOf(State.Active)
            .OnEntry(AskMoreDocuments)
            .Permit(Trigger.DocumentsSent, State.Tracking);
    }

    /// <summary>Starts the timeline at submission. Records saved in Submitted before tracking existed start it on their next turn.</summary>
    private void StartCase() => Progress.SubmittedAt ??= settings.Time.GetUtcNow();

    private static string EventButton(CaseEvent e) => ButtonData.CasePrefix + e.ToString().ToLowerInvariant();

    /// <summary>The events that can come next at this stage, as buttons, with status and mute under them.</summary>
    private void ShowCaseMenu()
    {
        switch (state.Field)
        {
            case AskingApprovalDate: AskApprovalDate(); return;
            case AskingOverseasChinese: AskOverseasChinese(); return;
            case AskingPaymentMethod: AskPaymentMethod(); return;
        }

        StartCase();
        var stage = Stage;
        output.SayKey("case.menu", output.T($"case.stage.{stage}"));
        var rows = NextEvents(stage).Select(e => (IReadOnlyList<Choice>)[new Choice(output.T($"case.button.{e}"), EventButton(e))]).ToList();
        rows.Add([new(output.T("button.status"), ButtonData.Status), MuteChoice()]);
        output.Buttons(rows);
    }

    private Choice MuteChoice() => state.Case?.Muted == true
        ? new(output.T("case.button.unmute"), ButtonData.Unmute)
        : new(output.T("case.button.mute"), ButtonData.Mute);

    private static CaseEvent[] NextEvents(CaseStage stage) => stage switch
    {
        CaseStage.Submitted => [CaseEvent.EmailArrived, CaseEvent.Approved, CaseEvent.MoreDocuments, CaseEvent.NotApproved],
        CaseStage.SubmissionConfirmed => [CaseEvent.Approved, CaseEvent.MoreDocuments, CaseEvent.NotApproved],
        CaseStage.MoreDocumentsRequested => [CaseEvent.Approved, CaseEvent.NotApproved],
        CaseStage.Approved => [CaseEvent.Paid, CaseEvent.CardReady],
        CaseStage.Paid => [CaseEvent.CardReady, CaseEvent.Collected],
        CaseStage.CardReady => [CaseEvent.Collected],
        _ => [],
    };

    private bool HandleCaseButton(string data)
    {
        if (EventsByButton.TryGetValue(data, out var caseEvent))
        {
            Report(caseEvent);
            return true;
        }

        switch (data)
        {
            case ButtonData.ApprovedToday when state.Field == AskingApprovalDate:
                SetApproved(Today);
                return true;
            case ButtonData.OverseasChineseYes or ButtonData.OverseasChineseNo when state.Field == AskingOverseasChinese:
                SetOverseasChinese(data == ButtonData.OverseasChineseYes);
                return true;
            case ButtonData.Next when Phase == State.AddingDocuments:
                DocumentsSent();
                return true;
        }

        if (state.Field == AskingPaymentMethod && data.StartsWith(ButtonData.PaymentPrefix, StringComparison.Ordinal)
            && Enum.TryParse<PaymentMethod>(data[ButtonData.PaymentPrefix.Length..], out var method))
        {
            SetPaid(method);
            return true;
        }

        return false;
    }

    private static bool CanReport(CaseEvent caseEvent, CaseStage stage) => caseEvent switch
    {
        CaseEvent.EmailArrived => stage == CaseStage.Submitted,
        CaseEvent.Approved or CaseEvent.MoreDocuments => stage is CaseStage.Submitted or CaseStage.SubmissionConfirmed or CaseStage.MoreDocumentsRequested,
        CaseEvent.NotApproved => stage is CaseStage.Submitted or CaseStage.SubmissionConfirmed or CaseStage.MoreDocumentsRequested,
        CaseEvent.Paid => stage == CaseStage.Approved,
        CaseEvent.CardReady => stage is CaseStage.Approved or CaseStage.Paid,
        CaseEvent.Collected => stage is CaseStage.Paid or CaseStage.CardReady,
        _ => false,
    };

    private void Report(CaseEvent caseEvent)
    {
        StartCase();
        var stage = Stage;
        if (!CanReport(caseEvent, stage))
        {
            state.Field = null;
            output.SayKey("case.eventNotNow", output.T($"case.stage.{stage}"));
            ShowCaseMenu();
            return;
        }

        var now = settings.Time.GetUtcNow();
        state.Field = null;
        if (Phase == State.Submitted && caseEvent != CaseEvent.MoreDocuments)
        {
            machine.Fire(Trigger.CaseEvent);
        }
        else if (Phase == State.AddingDocuments && caseEvent != CaseEvent.MoreDocuments)
        {
            // Approved (or not) while adding documents: NIA has decided, the documents step is over.
            machine.Fire(Trigger.DocumentsSent);
        }

        switch (caseEvent)
        {
            case CaseEvent.EmailArrived:
                Progress.SubmissionEmailAt = now;
                output.SayKey("case.emailArrived");
                break;
            case CaseEvent.Approved:
                AskApprovalDate();
                return;
            case CaseEvent.Paid:
                AskPaymentMethod();
                return;
            case CaseEvent.CardReady:
                Progress.PaidAt ??= now;
                Progress.CardReadyOn = Today;
                output.Say(output.T("case.cardReady") + "\n\n" + PickupInstructions(StudentCaseTimeline.From(state)));
                break;
            case CaseEvent.Collected:
                Progress.PaidAt ??= now;
                Progress.CollectedAt = now;
                output.SayKey("case.collected");
                break;
            case CaseEvent.MoreDocuments:
                Progress.MoreDocumentsAt = now;
                if (Phase == State.AddingDocuments)
                {
                    AskMoreDocuments();
                }
                else
                {
                    machine.Fire(Trigger.MoreDocumentsRequested);
                }

                return;
            case CaseEvent.NotApproved:
                Progress.RejectedAt = now;
                output.SayKey("case.notApproved");
                break;
        }

        ShowCaseMenu();
    }
}
