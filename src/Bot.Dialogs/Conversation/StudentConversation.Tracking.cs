using System.Globalization;
using Bot.Dialogs.Forms;
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

    private void HandleCaseText(string text)
    {
        var lower = text.ToLowerInvariant();
        if (state.Field == AskingApprovalDate && TryReadApprovalDate(lower, out var approvedOn))
        {
            SetApproved(approvedOn);
            return;
        }

        if (state.Field == AskingOverseasChinese && YesNo(lower) is { } overseasChinese)
        {
            SetOverseasChinese(overseasChinese);
            return;
        }

        if (ReadEvent(lower) is { } caseEvent)
        {
            Report(caseEvent);
            return;
        }

        if (Phase == State.AddingDocuments && IsNextWord(text))
        {
            DocumentsSent();
            return;
        }

        output.SayKey(state.Field == AskingApprovalDate ? "case.approvalDate.error" : "input.useButtons");
        Prompt();
    }

    /// <summary>Free text for the events, in either language. Order matters: the card-ready e-mail's title also says 審核通過 and 已繳費.</summary>
    private static CaseEvent? ReadEvent(string text)
    {
        static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

        if (Has(text, "not approved", "rejected", "denied", "駁回", "不予許可", "沒通過", "未通過", "不通過"))
        {
            return CaseEvent.NotApproved;
        }

        if (Has(text, "card ready", "card is ready", "製證完成", "可以領"))
        {
            return CaseEvent.CardReady;
        }

        if (Has(text, "got the card", "got my card", "got my arc", "collected", "picked up", "已領", "領到", "拿到"))
        {
            return CaseEvent.Collected;
        }

        if (Has(text, "more documents", "補件", "supplement"))
        {
            return CaseEvent.MoreDocuments;
        }

        if (Has(text, "i paid", "paid", "已繳費", "繳費了", "繳完", "付款了", "已付款"))
        {
            return CaseEvent.Paid;
        }

        if (Has(text, "approved", "審核通過", "核准", "通過了"))
        {
            return CaseEvent.Approved;
        }

        if (Has(text, "e-mail arrived", "email arrived", "got the e-mail", "got the email", "received the e-mail", "received the email", "受理通知", "收到信", "收到郵件"))
        {
            return CaseEvent.EmailArrived;
        }

        return null;
    }

    private static bool? YesNo(string text) => text switch
    {
        "yes" or "y" or "是" or "對" or "是的" or "僑生" => true,
        "no" or "n" or "不是" or "否" or "不" => false,
        _ => null,
    };

    private bool TryReadApprovalDate(string text, out DateOnly date)
    {
        if (text is "today" or "今天" or "今日")
        {
            date = Today;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date <= Today
            && (Progress.SubmittedAt is not { } submitted || date >= TaipeiTime.DateOf(submitted));
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

    private void AskApprovalDate()
    {
        state.Field = AskingApprovalDate;
        output.SayKey("case.askApprovalDate");
        output.Buttons([[new(output.T("case.button.today"), ButtonData.ApprovedToday)], [new(output.T("button.status"), ButtonData.Status)]]);
    }

    private void SetApproved(DateOnly date)
    {
        Progress.ApprovedOn = date;
        Progress.MoreDocumentsAt = null;
        if (Progress.OverseasChinese is null)
        {
            AskOverseasChinese();
            return;
        }

        state.Field = null;
        output.Say(PaymentInstructions(StudentCaseTimeline.From(state)));
        ShowCaseMenu();
    }

    private void AskOverseasChinese()
    {
        state.Field = AskingOverseasChinese;
        output.SayKey("case.askOverseasChinese");
        output.Buttons([[new(output.T("case.button.yes"), ButtonData.OverseasChineseYes), new(output.T("case.button.no"), ButtonData.OverseasChineseNo)]]);
    }

    private void SetOverseasChinese(bool overseasChinese)
    {
        Progress.OverseasChinese = overseasChinese;
        state.Field = null;
        output.Say(PaymentInstructions(StudentCaseTimeline.From(state)));
        ShowCaseMenu();
    }

    private void AskPaymentMethod()
    {
        state.Field = AskingPaymentMethod;
        output.SayKey("case.askPaymentMethod");
        output.Buttons([.. Enum.GetValues<PaymentMethod>()
            .Select(m => (IReadOnlyList<Choice>)[new Choice(output.T($"case.payment.{m}"), ButtonData.PaymentPrefix + m)])]);
    }

    private void SetPaid(PaymentMethod method)
    {
        state.Field = null;
        Progress.PaidAt = settings.Time.GetUtcNow();
        Progress.PaymentMethod = method;
        output.SayKey("case.paid", output.T($"case.payment.{method}"));
        if (method == PaymentMethod.ConvenienceStore)
        {
            output.SayKey("case.paid.convenienceStore");
        }

        ShowCaseMenu();
    }

    /// <summary>補件: the documents step again, with NIA's 15-day deadline.</summary>
    private void AskMoreDocuments()
    {
        var requested = Progress.MoreDocumentsAt is { } at ? TaipeiTime.DateOf(at) : Today;
        var deadline = requested.AddDays(MoreDocumentsDays);
        output.SayKey("case.moreDocuments", TaipeiTime.Format(deadline), Countdown(deadline));
        output.Say(DocumentChecklist());
        output.Buttons([
            [new(output.T("case.button.documentsSent"), ButtonData.Next)],
            [new(output.T("button.status"), ButtonData.Status), new(output.T("button.help"), ButtonData.Help)],
        ]);
    }

    private void DocumentsSent()
    {
        Progress.MoreDocumentsAt = null;
        machine.Fire(Trigger.DocumentsSent);
        output.SayKey("case.documentsSent");
        ShowCaseMenu();
    }

    private void MuteReminders(bool muted)
    {
        Progress.Muted = muted;
        output.SayKey(muted ? "case.muted" : "case.unmuted");
        Prompt();
    }

    private void AnswerOverstay(int days)
    {
        var fine = OverstayFineCalculator.Calculate(days, Today);
        output.SayKey(
            fine.MustLeave ? ReminderMessageKeys.OverstayAnswerThirtyOrMore : ReminderMessageKeys.OverstayAnswerUnderThirty,
            days,
            TaipeiTime.FormatAmount(fine.Amount),
            TaipeiTime.FormatAmount(fine.HalvedAmount ?? fine.Amount));
    }
}
