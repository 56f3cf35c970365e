using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>Commands (/start, /help, /status, /language, /delete…) and the buttons every phase understands.</summary>
public sealed partial class StudentConversation
{
    private void HandleCommand(string text)
    {
        var command = CommandName(text);
        switch (command)
        {
            case "start":
                if (Phase is State.ChoosingLanguage or State.ChoosingApplication)
                {
                    Prompt();
                }
                else
                {
                    output.SayKey("startOver.confirm").Buttons([[new(output.T("button.startOver"), ButtonData.StartOverYes), new(output.T("button.continue"), ButtonData.StartOverNo)]]);
                }

                break;
            case "help":
                ShowHelp();
                break;
            case "status":
                ShowStatus();
                break;
            case "language":
                AskLanguage();
                break;
            case "delete":
                output.SayKey("delete.confirm").Buttons([[new(output.T("button.deleteYes"), ButtonData.DeleteYes), new(output.T("button.deleteNo"), ButtonData.DeleteNo)]]);
                break;
            case "back":
                GoBack();
                break;
            case "skip":
                Skip();
                break;
            case "mute":
                MuteReminders(true);
                break;
            case "unmute":
                MuteReminders(false);
                break;
            case "summary" when state.ReceiptNumber is not null || Phase == State.AwaitingReceipt:
                ShowSummary();
                break;
            default:
                output.SayKey("input.unknownCommand");
                Prompt();
                break;
        }
    }

    private void HandleButton(string data)
    {
        switch (data)
        {
            case ButtonData.Back:
                GoBack();
                return;
            case ButtonData.Skip:
                Skip();
                return;
            case ButtonData.Help:
                ShowHelp();
                return;
            case ButtonData.Status:
                ShowStatus();
                return;
            case ButtonData.Mute:
                MuteReminders(true);
                return;
            case ButtonData.Unmute:
                MuteReminders(false);
                return;
            case ButtonData.DeleteYes:
                EraseEverything();
                return;
            case ButtonData.DeleteNo:
                output.SayKey("delete.cancelled");
                Prompt();
                return;
            case ButtonData.StartOverYes:
                StartOver();
                return;
            case ButtonData.StartOverNo:
                Prompt();
                return;
            case ButtonData.Summary when state.ReceiptNumber is not null || Phase == State.AwaitingReceipt:
                ShowSummary();
                return;
        }

        if (data.StartsWith(ButtonData.InputPrefix, StringComparison.Ordinal))
        {
            // A camera / photo-library button reached us as a press (a channel without such buttons): ask again.
            Prompt();
            return;
        }

        if (data.StartsWith(ButtonData.LanguagePrefix, StringComparison.Ordinal))
        {
            ChooseLanguage(data[ButtonData.LanguagePrefix.Length..] == "zh" ? Language.TraditionalChinese : Language.English);
            return;
        }

        if (!HandlePhaseButton(data))
        {
            // A button from an earlier message that no longer fits: say so and ask again.
            output.SayKey("input.staleButton");
            Prompt();
        }
    }

    /// <summary>"/status@ArcHelperBot args" → "status".</summary>
    private static string CommandName(string text) => text.TrimStart('/').Split([' ', '@'], 2)[0].ToLowerInvariant();
}
