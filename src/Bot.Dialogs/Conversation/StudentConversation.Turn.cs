using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

public sealed partial class StudentConversation
{
    /// <summary>Handles one thing the student sent and returns what to answer. The state is changed in place.</summary>
    public TurnResult Handle(Inbound inbound)
    {
        var now = settings.Time.GetUtcNow();
        if (Phase == State.New)
        {
            state.CreatedAt = now;
            state.Language = Languages.FromHint(inbound.LanguageHint);
            machine.Fire(Trigger.Greet);
            state.UpdatedAt = now;
            return output.Build();
        }

        state.UpdatedAt = now;
        if (HandleAdvisorTalk(inbound))
        {
            return output.Build();
        }

        switch (inbound.Kind)
        {
            case InboundKind.Command:
                HandleCommand(inbound.Text ?? string.Empty);
                break;
            case InboundKind.Button:
                HandleButton(inbound.Text ?? string.Empty);
                break;
            case InboundKind.Text when (inbound.Text?.Length ?? 0) > MaxTextLength:
                output.SayKey("input.tooLong", MaxTextLength);
                Prompt();
                break;
            case InboundKind.Text:
                HandleText(inbound.Text!.Trim());
                break;
            case InboundKind.Upload:
                HandleUpload(inbound);
                break;
            case InboundKind.Joined:
                output.SayKey("welcome.back");
                Prompt();
                break;
            default:
                output.SayKey("input.unsupported");
                Prompt();
                break;
        }

        return output.Build();
    }

    private void HandleText(string text)
    {
        if (text.Length == 0)
        {
            Prompt();
            return;
        }

        // Typed words for the navigation buttons, in either language.
        switch (text.ToLowerInvariant())
        {
            case "back" or "返回" or "上一步":
                GoBack();
                return;
            case "skip" or "略過" or "跳過" when IsFieldsPhase:
                Skip();
                return;
            case "help" or "說明" or "幫助":
                ShowHelp();
                return;
        }

        // An overstay question is answered wherever the student is ("overstay 15 days", 「逾期 15 天」).
        if (Phase != State.ChoosingLanguage && Reminders.OverstayQuestion.ParseDays(text) is { } days)
        {
            AnswerOverstay(days);
            Prompt();
            return;
        }

        HandlePhaseText(text);
    }

    private static bool IsNextWord(string text) =>
        text.ToLowerInvariant() is "next" or "done" or "ok" or "continue" or "下一步" or "完成" or "好" or "繼續";
}
