using System.Globalization;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>After submission: where the case stands, what to do next on the NIA site, and the reminders rendered for it.</summary>
public sealed partial class StudentConversation
{
    /// <summary>/status after submission: the stage, the next deadline with a countdown, what to do now.</summary>
    private void ShowCaseStatus()
    {
        var timeline = StudentCaseTimeline.From(state);
        var stage = timeline.Stage;
        output.SayKey("case.status.header", state.ReceiptNumber ?? "—", output.T($"case.stage.{stage}"));
        var submittedOn = TaipeiTime.DateOf(Progress.SubmittedAt!.Value);
        switch (stage)
        {
            case CaseStage.Submitted:
                output.SayKey("case.status.Submitted", TaipeiTime.Format(submittedOn));
                break;
            case CaseStage.SubmissionConfirmed:
                var check = submittedOn.AddDays(7);
                output.SayKey("case.status.SubmissionConfirmed", TaipeiTime.Format(check), Countdown(check));
                break;
            case CaseStage.MoreDocumentsRequested:
                var deadline = TaipeiTime.DateOf(Progress.MoreDocumentsAt!.Value).AddDays(MoreDocumentsDays);
                output.SayKey("case.status.MoreDocumentsRequested", TaipeiTime.Format(deadline), Countdown(deadline));
                break;
            case CaseStage.Approved:
                output.Say(PaymentInstructions(timeline));
                break;
            case CaseStage.Paid:
                var expected = TaipeiTime.DateOf(Progress.PaidAt!.Value).AddDays(8);
                output.SayKey("case.status.Paid", TaipeiTime.Format(expected), Countdown(expected));
                break;
            case CaseStage.CardReady:
                output.Say(PickupInstructions(timeline));
                break;
            case CaseStage.Collected:
                output.SayKey("case.status.Collected");
                break;
            case CaseStage.NotApproved:
                output.SayKey("case.notApproved");
                break;
        }

        if (timeline.ArcExpiry is { } expiry)
        {
            output.SayKey("case.status.arcExpiry", TaipeiTime.Format(expiry), Countdown(expiry));
        }

        if (timeline.RemindersMuted)
        {
            output.SayKey("case.status.muted");
        }

        Prompt();
    }

    /// <summary>"3 days left", "today", "2 days ago".</summary>
    private string Countdown(DateOnly date)
    {
        var days = date.DayNumber - Today.DayNumber;
        return days switch
        {
            > 0 => output.F("case.countdown.left", days),
            0 => output.T("case.countdown.today"),
            _ => output.F("case.countdown.passed", -days),
        };
    }

    private string PaymentInstructions(CaseTimeline timeline)
    {
        var deadline = ReminderPlanner.PaymentDeadline(timeline)!.Value;
        if (ReminderPlanner.IsPaymentOverdue(timeline, settings.Time.GetUtcNow()))
        {
            return output.F("case.status.paymentOverdue", TaipeiTime.Format(deadline));
        }

        return output.F("case.payment", TaipeiTime.Format(deadline), Countdown(deadline)) + "\n\n" + FeeText();
    }

    /// <summary>Fee per year × the validity asked in the form; 僑生 pay the overseas-Chinese rate.</summary>
    private string FeeText()
    {
        var years = int.TryParse(state.Answer("validity"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, 1, 3) : 1;
        var category = state.Case?.OverseasChinese == true ? StudentCategory.OverseasChinese : StudentCategory.Foreign;
        var amount = FeeCalculator.Amount(settings.Fees, category, years);
        return output.F(
            category == StudentCategory.OverseasChinese ? "case.fee.overseasChinese" : "case.fee",
            TaipeiTime.FormatAmount(amount),
            years,
            TaipeiTime.FormatAmount(amount / years));
    }

    private string PickupInstructions(CaseTimeline timeline)
    {
        var opens = TaiwanWorkingDays.AddWorkingDays(timeline.CardReadyOn ?? Today, 3);
        var text = output.F("case.pickup", TaipeiTime.Format(opens), Countdown(opens));
        var station = ServiceStations.All.FirstOrDefault(s => s.Code == state.Answer("station"));
        if (station is not null)
        {
            var name = state.Language == Messages.Language.English ? $"{station.English} ({station.Name})" : station.Name;
            text += "\n" + output.F("case.pickup.station", name, station.Address, station.Phone, output.T("station.hours"));
        }

        return text;
    }

    /// <summary>A reminder as the student sees it: the reminder text in their language, the fee or the station where it helps, and the buttons to answer it.</summary>
    public IReadOnlyList<Reply> RenderReminder(PlannedReminder reminder)
    {
        output.Say(settings.Messages.Format(state.Language, reminder.MessageKey, [.. reminder.Arguments]));
        var timeline = StudentCaseTimeline.From(state);
        CaseEvent? answer = null;
        switch (reminder.Kind)
        {
            case ReminderKind.Payment or ReminderKind.PaymentOverdue:
                output.Say(FeeText());
                answer = CaseEvent.Paid;
                break;
            case ReminderKind.Pickup:
                output.Say(PickupInstructions(timeline));
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
        if (answer is { } e && IsTrackingPhase)
        {
            rows.Add([new(output.T($"case.button.{e}"), EventButton(e))]);
        }

        rows.Add([new(output.T("button.status"), ButtonData.Status), MuteChoice()]);
        output.Buttons(rows);
        return output.Build().Replies;
    }

    private bool IsTrackingPhase => Phase is State.Submitted or State.Tracking or State.AddingDocuments;
}
