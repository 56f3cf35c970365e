using Bot.Dialogs.Applications;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// The case in words, for the student: the stage and its next deadline (/status), the fee and how to pay, where and
/// when to collect the card, and each reminder with the buttons that answer it. One renderer for the dialog and the
/// reminder scheduler.
/// </summary>
internal sealed class CaseRenderer(TurnContext ctx)
{
    /// <summary>NIA gives 15 days, counted from the day after its 補件 notice arrives, to add documents.</summary>
    public const int MoreDocumentsDays = 15;

    public StudentCase Case => StudentCase.Of(ctx.State);

    public string Stage(CaseStage stage) => ctx.T($"case.stage.{stage}");

    /// <summary>/status after submission: the stage, the next deadline with a countdown, what to do now.</summary>
    public void Status()
    {
        var current = Case;
        var progress = current.Progress;
        ctx.Output.SayKey("case.status.header", ctx.State.ReceiptNumber ?? "—", Stage(current.Stage));
        var submittedOn = TaipeiTime.DateOf(progress.SubmittedAt ?? ctx.Now);
        switch (current.Stage)
        {
            case CaseStage.Submitted:
                ctx.Output.SayKey("case.status.Submitted", TaipeiTime.Format(submittedOn));
                break;
            case CaseStage.UnderReview:
                var check = submittedOn.AddDays(7);
                ctx.Output.SayKey("case.status.UnderReview", TaipeiTime.Format(check), ctx.Countdown(check));
                break;
            case CaseStage.MoreDocuments:
                var deadline = MoreDocumentsDeadline();
                ctx.Output.SayKey("case.status.MoreDocuments", TaipeiTime.Format(deadline), ctx.Countdown(deadline));
                break;
            case CaseStage.Approved:
                ctx.Output.Say(PaymentInstructions());
                break;
            case CaseStage.Paid:
                var expected = TaipeiTime.DateOf(progress.PaidAt!.Value).AddDays(8);
                ctx.Output.SayKey("case.status.Paid", TaipeiTime.Format(expected), ctx.Countdown(expected));
                break;
            case CaseStage.CardReady:
                ctx.Output.Say(PickupInstructions());
                break;
            case CaseStage.Collected:
                ctx.Output.SayKey("case.status.Collected");
                break;
            case CaseStage.NotApproved:
                ctx.Output.SayKey("case.notApproved");
                break;
        }

        if (current.ArcExpiry is { } expiry)
        {
            ctx.Output.SayKey("case.status.arcExpiry", TaipeiTime.Format(expiry), ctx.Countdown(expiry));
        }

        if (current.RemindersMuted)
        {
            ctx.Output.SayKey("case.status.muted");
        }
    }

    /// <summary>The last day to send the documents NIA asked for: 15 days from the day after the notice arrived.</summary>
    public DateOnly MoreDocumentsDeadline()
    {
        var progress = ctx.Case;
        var noticeOn = progress.MoreDocumentsNoticeOn ?? (progress.MoreDocumentsAt is { } at ? TaipeiTime.DateOf(at) : ctx.Today);
        return noticeOn.AddDays(MoreDocumentsDays);
    }

    public string PaymentInstructions()
    {
        var current = Case;
        var deadline = ReminderPlanner.PaymentDeadline(current)!.Value;
        if (ReminderPlanner.IsPaymentOverdue(current, ctx.Now))
        {
            return ctx.F("case.status.paymentOverdue", TaipeiTime.Format(deadline));
        }

        return ctx.F("case.payment", TaipeiTime.Format(deadline), ctx.Countdown(deadline)) + "\n\n" + FeeText();
    }

    /// <summary>The application's fee for this student, from its fee rule and the configured amounts.</summary>
    public string FeeText()
    {
        var quote = ctx.Application.Fee.Quote(ctx.Settings.Fees, ctx.State);
        return ctx.F(quote.MessageKey, [.. quote.Arguments]);
    }

    /// <summary>When and where to collect the card, or how to download the e-ARC.</summary>
    public string PickupInstructions()
    {
        var current = Case;
        var readyOn = current.Progress.CardReadyOn ?? ctx.Today;
        if (current.Delivery == CardDelivery.Electronic)
        {
            return ctx.F("case.download", TaipeiTime.Format(readyOn));
        }

        var holidays = ctx.Settings.Holidays;
        var opens = holidays.AddWorkingDays(readyOn, 3);
        var text = ctx.F("case.pickup", TaipeiTime.Format(opens), ctx.Countdown(opens));
        if (!holidays.IsCovered(opens))
        {
            // The year's office calendar is not loaded: weekends and fixed-date holidays only.
            text += " " + ctx.T("case.pickup.approximate");
        }

        if (ServiceStations.All.FirstOrDefault(s => s.Code == current.StationId) is { } station)
        {
            var name = ctx.Language == Messages.Language.TraditionalChinese ? station.Name : $"{station.English} ({station.Name})";
            text += "\n" + ctx.F("case.pickup.station", name, station.Address, station.Phone, ctx.T("station.hours"));
        }

        return text;
    }

    /// <summary>A reminder as the student sees it: its text, the fee or the station where it helps, and the buttons that answer it.</summary>
    public void Reminder(PlannedReminder reminder, bool tracking, Choice muteChoice)
    {
        ctx.Output.Say(ctx.Settings.Messages.Format(ctx.Language, reminder.MessageKey, [.. reminder.Arguments]));
        if (DeadlineOf(reminder) is { } deadline)
        {
            ctx.Output.Card(new DeadlineCard(ctx.T($"card.title.{reminder.Kind}"), ctx.T("card.deadline"), deadline));
        }

        CaseEvent? answer = null;
        switch (reminder.Kind)
        {
            case ReminderKind.Payment or ReminderKind.PaymentOverdue:
                ctx.Output.Say(FeeText());
                answer = CaseEvent.Paid;
                break;
            case ReminderKind.Pickup:
                ctx.Output.Say(PickupInstructions());
                answer = CaseEvent.Collected;
                break;
            case ReminderKind.SubmissionEmailMissing:
                answer = CaseEvent.EmailArrived;
                break;
            case ReminderKind.ApprovalMissing:
                answer = CaseEvent.Approved;
                break;
            case ReminderKind.CardMissing:
                answer = CaseEvent.CardReady;
                break;
        }

        var rows = new List<IReadOnlyList<Choice>>();
        if (answer is { } e && tracking)
        {
            rows.Add([new(ctx.T($"case.button.{e}"), ButtonData.Event(e))]);
        }

        rows.Add([new(ctx.T("button.status"), ButtonData.Status), muteChoice]);
        ctx.Output.Buttons(rows);
    }

    /// <summary>The date a reminder's deadline falls on: its first argument for the kinds that have one (the fee, the filing, the ARC's expiry).</summary>
    private static DateOnly? DeadlineOf(PlannedReminder reminder) =>
        reminder.Kind is ReminderKind.Payment or ReminderKind.PaymentOverdue or ReminderKind.FilingDue or ReminderKind.ArcExpiry
            && reminder.Arguments.Count > 0
            && DateOnly.TryParseExact(reminder.Arguments[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;
}
