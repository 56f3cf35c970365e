using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>Commands (/start, /help, /status, /language, /delete…), the buttons every phase has, help and progress.</summary>
internal sealed class CommandDesk(
    TurnContext ctx,
    IConversationMoves moves,
    ApplicationChooser chooser,
    AccountGuide account,
    SummaryWriter summary,
    CaseTracker tracker,
    AdvisorDesk advisors)
{
    /// <param name="choosing">The student is choosing a language or an application: /start just asks again.</param>
    /// <param name="canSummarise">The summary exists (the review is confirmed).</param>
    public void Command(string command, bool choosing, bool canSummarise)
    {
        switch (command)
        {
            case "start" when choosing:
                moves.Prompt();
                break;
            case "start":
                ctx.Output.SayKey("startOver.confirm")
                    .Buttons([[new(ctx.T("button.startOver"), ButtonData.StartOverYes), new(ctx.T("button.continue"), ButtonData.StartOverNo)]]);
                break;
            case "help":
                moves.Help();
                break;
            case "status":
                moves.Status();
                break;
            case "back":
                moves.Back();
                break;
            case "skip":
                moves.Skip();
                break;
            case "language":
                chooser.AskLanguage();
                break;
            case "delete":
                ctx.Output.SayKey("delete.confirm")
                    .Buttons([[new(ctx.T("button.deleteYes"), ButtonData.DeleteYes), new(ctx.T("button.deleteNo"), ButtonData.DeleteNo)]]);
                break;
            case "mute" or "unmute":
                tracker.Mute(command == "mute");
                break;
            case "summary" when canSummarise:
                ShowSummary();
                break;
            case "pdf" when canSummarise:
                summary.WritePdf();
                moves.Prompt();
                break;
            case "summary" or "pdf":
                Refuse("summary.notYet");
                break;
            default:
                Refuse("input.unknownCommand");
                break;
        }
    }

    /// <summary>The buttons that mean the same in every phase; false when <paramref name="data"/> is the phase's own.</summary>
    public bool Button(string data, bool canSummarise)
    {
        switch (data)
        {
            case ButtonData.Back: moves.Back(); return true;
            case ButtonData.Skip: moves.Skip(); return true;
            case ButtonData.Help: moves.Help(); return true;
            case ButtonData.Status: moves.Status(); return true;
            case ButtonData.Mute or ButtonData.Unmute: tracker.Mute(data == ButtonData.Mute); return true;
            case ButtonData.DeleteYes:
                ctx.Output.SayKey("delete.done");
                ctx.Output.Effects |= TurnEffects.EraseStudent;
                return true;
            case ButtonData.DeleteNo: Refuse("delete.cancelled"); return true;
            case ButtonData.StartOverYes: moves.StartOver(); return true;
            case ButtonData.StartOverNo: moves.Prompt(); return true;
            case ButtonData.Summary when canSummarise: ShowSummary(); return true;
            case ButtonData.Pdf when canSummarise:
                summary.WritePdf();
                moves.Prompt();
                return true;
        }

        if (data.StartsWith(ButtonData.InputPrefix, StringComparison.Ordinal))
        {
            // A camera / photo-library button reached us as a press (a channel without such buttons): ask again.
            moves.Prompt();
            return true;
        }

        if (data.StartsWith(ButtonData.LanguagePrefix, StringComparison.Ordinal))
        {
            if (chooser.ParseLanguage(data[ButtonData.LanguagePrefix.Length..]) is { } language)
            {
                moves.ChooseLanguage(language);
            }
            else
            {
                chooser.AskLanguage();
            }

            return true;
        }

        return false;
    }

    /// <summary>Says why nothing changed, then asks the current question again.</summary>
    public void Refuse(string key, params object?[] args)
    {
        ctx.Output.SayKey(key, args);
        moves.Prompt();
    }

    /// <summary>"overstay 15 days": the fine under the current law, then the current question again.</summary>
    public void AnswerOverstay(int days)
    {
        var fine = OverstayFineCalculator.Calculate(days, ctx.Today);
        Refuse(
            fine.MustLeave ? ReminderMessageKeys.OverstayAnswerThirtyOrMore : ReminderMessageKeys.OverstayAnswerUnderThirty,
            days,
            TaipeiTime.FormatAmount(fine.Amount),
            TaipeiTime.FormatAmount(fine.HalvedAmount ?? fine.Amount));
    }

    /// <summary>The summary, then what comes next: the receipt number, or (after submission) the case menu.</summary>
    public void ShowSummary()
    {
        summary.Write();
        summary.WritePdf();
        if (ctx.State.ReceiptNumber is null)
        {
            account.AskForReceipt();
        }
        else
        {
            moves.Prompt();
        }
    }

    public void ShowHelp(string key)
    {
        ctx.Output.Say(ctx.Settings.Messages.Has(ctx.Language, key) ? ctx.T(key) : ctx.T("help.general"));
        ctx.Output.SayKey("help.commands");
        advisors.Offer();
        moves.Prompt();
    }

    /// <summary>/status before submission: the step and how many answers are done.</summary>
    public void ShowProgress(FormStep step)
    {
        if (ctx.State.ReceiptNumber is not null)
        {
            ctx.Output.SayKey("status.submitted", ctx.State.ReceiptNumber);
        }
        else
        {
            var context = ctx.Fields;
            var applicable = ctx.Application.Fields.Where(f => f.AppliesWhen(context)).ToList();
            var answered = applicable.Count(f => ctx.State.Answer(f.Id) is not null || ctx.State.IsSkipped(f.Id));
            var title = ctx.T(step == FormStep.Request ? ctx.Application.RequestKey : $"step.{step}");
            ctx.Output.SayKey("status.progress", (int)step, (int)FormStep.Review, title, answered, applicable.Count);
        }

        moves.Prompt();
    }
}
