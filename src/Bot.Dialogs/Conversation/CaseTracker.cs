using Bot.Dialogs.Applications;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// After submission: the student reports each NIA e-mail (a tap or words), answers the questions an event raises
/// (the approval day, the fee rate, how they paid), adds documents when NIA asks, and mutes reminders. The events
/// that move between tracking and adding documents are the state machine's (<see cref="IConversationMoves.Report"/>).
/// </summary>
internal sealed class CaseTracker(TurnContext ctx, IConversationMoves moves, CaseRenderer renderer, DocumentCollector documents)
{
    // Questions asked while tracking, kept in StudentState.Field like form fields.
    private const string AskingApprovalDate = "case.approvedOn";
    private const string AskingOverseasChinese = "case.overseasChinese";
    private const string AskingPaymentMethod = "case.paymentMethod";
    private const string AskingNoticeDate = "case.noticeOn";

    private static readonly Dictionary<string, CaseEvent> EventsByButton = Enum.GetValues<CaseEvent>()
        .ToDictionary(ButtonData.Event, StringComparer.Ordinal);

    /// <summary>Starts the case at submission. Records saved as submitted before tracking existed start it on their next turn.</summary>
    private void Start() => ctx.UpdateCase(c => c.SubmittedAt is null ? c with { SubmittedAt = ctx.Now } : c);

    public void ConfirmSubmitted()
    {
        Start();
        ctx.Output.SayKey("submitted.done", ctx.State.ReceiptNumber ?? "—");
        Menu();
    }

    /// <summary>The events that can come next, as buttons, with status and mute under them (or the pending question again).</summary>
    public void Menu()
    {
        if (AskPendingQuestion())
        {
            return;
        }

        Start();
        var stage = ctx.Case.Stage;
        ctx.Output.SayKey("case.menu", renderer.Stage(stage));
        var rows = CaseFlow.Next(stage).Select(e => (IReadOnlyList<Choice>)[new Choice(ctx.T($"case.button.{e}"), ButtonData.Event(e))]).ToList();
        rows.Add([new(ctx.T("button.status"), ButtonData.Status), MuteChoice()]);
        ctx.Output.Buttons(rows);
    }

    public Choice MuteChoice() => ctx.Case.Muted
        ? new(ctx.T("case.button.unmute"), ButtonData.Unmute)
        : new(ctx.T("case.button.mute"), ButtonData.Mute);

    /// <summary>A question an event raised and the student has not answered yet: asked again instead of the menu.</summary>
    private bool AskPendingQuestion()
    {
        switch (ctx.State.Field)
        {
            case AskingApprovalDate: AskApprovalDate(); return true;
            case AskingOverseasChinese: AskOverseasChinese(); return true;
            case AskingPaymentMethod: AskPaymentMethod(); return true;
            case AskingNoticeDate: AskNoticeDate(); return true;
            default: return false;
        }
    }

    public bool Accepts(string data, bool addingDocuments) =>
        EventsByButton.ContainsKey(data)
        || (data == ButtonData.Today && ctx.State.Field is AskingApprovalDate or AskingNoticeDate)
        || (data is ButtonData.OverseasChineseYes or ButtonData.OverseasChineseNo && ctx.State.Field == AskingOverseasChinese)
        || (data.StartsWith(ButtonData.PaymentPrefix, StringComparison.Ordinal) && ctx.State.Field == AskingPaymentMethod
            && Enum.TryParse<PaymentMethod>(data[ButtonData.PaymentPrefix.Length..], out _))
        || (data == ButtonData.Next && addingDocuments);

    public void Press(string data)
    {
        if (EventsByButton.TryGetValue(data, out var caseEvent))
        {
            Report(caseEvent);
        }
        else if (data == ButtonData.Today && ctx.State.Field == AskingNoticeDate)
        {
            SetNoticeDate(ctx.Today);
        }
        else if (data == ButtonData.Today)
        {
            SetApproved(ctx.Today);
        }
        else if (data is ButtonData.OverseasChineseYes or ButtonData.OverseasChineseNo)
        {
            SetOverseasChinese(data == ButtonData.OverseasChineseYes);
        }
        else if (data == ButtonData.Next)
        {
            Report(CaseEvent.DocumentsSent);
        }
        else
        {
            SetPaid(Enum.Parse<PaymentMethod>(data[ButtonData.PaymentPrefix.Length..]));
        }
    }

    /// <summary>Words: the answer to a pending question, an event ("I paid"), or "done" while adding documents.</summary>
    public void Read(string text, bool addingDocuments)
    {
        var progress = ctx.Case;
        var submittedOn = progress.SubmittedAt is { } s ? TaipeiTime.DateOf(s) : (DateOnly?)null;
        if (ctx.State.Field == AskingApprovalDate && CaseWords.TryReadDate(text, ctx.Today, submittedOn, out var approvedOn))
        {
            SetApproved(approvedOn);
        }
        else if (ctx.State.Field == AskingNoticeDate && CaseWords.TryReadDate(text, ctx.Today, submittedOn, out var noticeOn))
        {
            SetNoticeDate(noticeOn);
        }
        else if (ctx.State.Field == AskingOverseasChinese && CaseWords.YesNo(text) is { } overseasChinese)
        {
            SetOverseasChinese(overseasChinese);
        }
        else if (CaseWords.Event(text) is { } caseEvent)
        {
            Report(caseEvent);
        }
        else if (addingDocuments && TurnContext.IsNextWord(text))
        {
            Report(CaseEvent.DocumentsSent);
        }
        else
        {
            ctx.Output.SayKey(ctx.State.Field switch
            {
                AskingApprovalDate => "case.approvalDate.error",
                AskingNoticeDate => "case.noticeDate.error",
                _ => "input.useButtons",
            });
            moves.Prompt();
        }
    }

    /// <summary>An event the student reports: checked against the stage, then handed to the state machine.</summary>
    private void Report(CaseEvent caseEvent)
    {
        Start();
        ctx.State.Field = null;
        var stage = ctx.Case.Stage;
        if (!CaseFlow.CanReport(caseEvent, stage))
        {
            ctx.Output.SayKey("case.eventNotNow", renderer.Stage(stage));
            Menu();
            return;
        }

        moves.Report(caseEvent);
    }

    /// <summary>Records a reported event (the state machine calls this once it has moved, if the event moves it).</summary>
    public void Record(CaseEvent caseEvent)
    {
        var now = ctx.Now;
        switch (caseEvent)
        {
            case CaseEvent.EmailArrived:
                ctx.UpdateCase(c => c with { EmailArrivedAt = now });
                ctx.Output.SayKey("case.emailArrived");
                break;
            case CaseEvent.Approved:
                AskApprovalDate();
                return;
            case CaseEvent.Paid:
                AskPaymentMethod();
                return;
            case CaseEvent.CardReady:
                ctx.UpdateCase(c => c with { PaidAt = c.PaidAt ?? now, CardReadyOn = ctx.Today });
                ctx.Output.Say(ctx.T("case.cardReady") + "\n\n" + renderer.PickupInstructions());
                break;
            case CaseEvent.Collected:
                ctx.UpdateCase(c => c with { PaidAt = c.PaidAt ?? now, CollectedAt = now });
                ctx.Output.SayKey("case.collected");
                break;
            case CaseEvent.MoreDocuments:
                ctx.UpdateCase(c => c with { MoreDocumentsAt = now, MoreDocumentsNoticeOn = null });
                AskNoticeDate();
                return;
            case CaseEvent.DocumentsSent:
                ctx.UpdateCase(c => c with { MoreDocumentsAt = null, MoreDocumentsNoticeOn = null });
                ctx.Output.SayKey("case.documentsSent");
                break;
            case CaseEvent.NotApproved:
                ctx.UpdateCase(c => c with { NotApprovedAt = now });
                ctx.Output.SayKey("case.notApproved");
                break;
        }

        Menu();
    }

    private void AskApprovalDate()
    {
        ctx.State.Field = AskingApprovalDate;
        ctx.Output.SayKey("case.askApprovalDate");
        PickDateSinceSubmission();
        ctx.Output.Buttons([[new(ctx.T("case.button.today"), ButtonData.Today)], [new(ctx.T("button.status"), ButtonData.Status)]]);
    }

    private void SetApproved(DateOnly date)
    {
        ctx.UpdateCase(c => c with { ApprovedOn = date, MoreDocumentsAt = null, MoreDocumentsNoticeOn = null });
        if (ctx.Application.Fee.DependsOnOverseasChinese && PerYearFee.IsOverseasChinese(ctx.State) is null)
        {
            AskOverseasChinese();
            return;
        }

        ShowPaymentInstructions();
    }

    private void AskOverseasChinese()
    {
        ctx.State.Field = AskingOverseasChinese;
        ctx.Output.SayKey("case.askOverseasChinese");
        ctx.Output.Buttons([[new(ctx.T("case.button.yes"), ButtonData.OverseasChineseYes), new(ctx.T("case.button.no"), ButtonData.OverseasChineseNo)]]);
    }

    private void SetOverseasChinese(bool overseasChinese)
    {
        ctx.UpdateCase(c => c with { OverseasChinese = overseasChinese });
        ShowPaymentInstructions();
    }

    /// <summary>Approved, and the fee is known: how and by when to pay, then the case menu.</summary>
    private void ShowPaymentInstructions()
    {
        ctx.State.Field = null;
        ctx.Output.Say(renderer.PaymentInstructions());
        Menu();
    }

    private void AskPaymentMethod()
    {
        ctx.State.Field = AskingPaymentMethod;
        ctx.Output.SayKey("case.askPaymentMethod");
        ctx.Output.Buttons([.. Enum.GetValues<PaymentMethod>()
            .Select(m => (IReadOnlyList<Choice>)[new Choice(ctx.T($"case.payment.{m}"), ButtonData.PaymentPrefix + m)])]);
    }

    private void SetPaid(PaymentMethod method)
    {
        ctx.State.Field = null;
        ctx.UpdateCase(c => c with { PaidAt = ctx.Now, PaymentMethod = method });
        ctx.Output.SayKey("case.paid", ctx.T($"case.payment.{method}"));
        if (method == PaymentMethod.ConvenienceStore)
        {
            ctx.Output.SayKey("case.paid.convenienceStore");
        }

        Menu();
    }

    /// <summary>The 15 days run from the day after NIA's notice arrived, not from when the student tells the bot.</summary>
    private void AskNoticeDate()
    {
        ctx.State.Field = AskingNoticeDate;
        ctx.Output.SayKey("case.askNoticeDate");
        PickDateSinceSubmission();
        ctx.Output.Buttons([[new(ctx.T("case.button.today"), ButtonData.Today)], [new(ctx.T("button.status"), ButtonData.Status)]]);
    }

    private void SetNoticeDate(DateOnly noticeOn)
    {
        ctx.State.Field = null;
        ctx.UpdateCase(c => c with { MoreDocumentsNoticeOn = noticeOn });
        AskMoreDocuments();
    }

    /// <summary>補件: the documents again, with NIA's 15-day deadline.</summary>
    public void AskMoreDocuments()
    {
        if (AskPendingQuestion())
        {
            return;
        }

        var deadline = renderer.MoreDocumentsDeadline();
        ctx.Output.SayKey("case.moreDocuments", TaipeiTime.Format(deadline), ctx.Countdown(deadline));
        ctx.Output.Say(documents.Checklist());
        ctx.Output.Buttons([
            [new(ctx.T("case.button.documentsSent"), ButtonData.Next)],
            [new(ctx.T("button.status"), ButtonData.Status), new(ctx.T("button.help"), ButtonData.Help)],
        ]);
    }

    /// <summary>The days <see cref="CaseWords.TryReadDate"/> accepts: from the submission to today.</summary>
    private void PickDateSinceSubmission()
    {
        var today = ctx.Today;
        var submittedOn = ctx.Case.SubmittedAt is { } s ? TaipeiTime.DateOf(s) : today;
        ctx.Output.PickDate(new DatePick(ctx.T("button.pickDate"), today, submittedOn < today ? submittedOn : today, today));
    }

    public void Mute(bool muted)
    {
        ctx.UpdateCase(c => c with { Muted = muted });
        ctx.Output.SayKey(muted ? "case.muted" : "case.unmuted");
        moves.Prompt();
    }
}
