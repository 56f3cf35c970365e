using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>What follows a reported event: the questions it raises (date, fee, payment), more documents, mute, overstay.</summary>
public sealed partial class StudentConversation
{
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

        ShowPaymentInstructions();
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
        ShowPaymentInstructions();
    }

    /// <summary>Approved, and the fee is known: how and by when to pay, then the case menu.</summary>
    private void ShowPaymentInstructions()
    {
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
