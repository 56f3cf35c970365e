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

    private void ChooseLanguage(Language language)
    {
        state.Language = language;
        if (Phase == State.ChoosingLanguage)
        {
            machine.Fire(Trigger.LanguageChosen);
            return;
        }

        output.SayKey("language.changed");
        Prompt();
    }

    private void StartOver()
    {
        var language = state.Language;
        var created = state.CreatedAt;
        state.Answers.Clear();
        state.Skipped = null;
        state.Uploads = null;
        state.Field = null;
        state.EditingFromReview = false;
        state.ApplicationKind = null;
        state.ReceiptNumber = null;
        state.Case = null;
        state.Language = language;
        state.CreatedAt = created;
        output.SayKey("startOver.done");
        machine.Fire(Trigger.StartOver);
    }

    private void EraseEverything()
    {
        output.SayKey("delete.done");
        output.Effects |= TurnEffects.EraseStudent;
    }

    private void GoBack()
    {
        if (IsFieldsPhase && MoveToPreviousField())
        {
            AskCurrentField();
            return;
        }

        if (Phase == State.Documents && MoveToPreviousSlot())
        {
            AskDocumentSlot();
            return;
        }

        if (machine.CanFire(Trigger.Back))
        {
            machine.Fire(Trigger.Back);
            return;
        }

        output.SayKey("nav.cannotGoBack");
        Prompt();
    }

    /// <summary>Says again what the student is being asked now, with its buttons.</summary>
    private void Prompt()
    {
        switch (Phase)
        {
            case State.ChoosingLanguage: AskLanguage(); break;
            case State.ChoosingApplication: AskApplication(); break;
            case State.CheckingPassword: ExplainPassword(); break;
            case State.VerifyingEmail: ExplainEmailVerification(); break;
            case State.LoggingIn: ExplainLogin(); break;
            case State.Documents: AskDocumentSlot(); break;
            case State.Reviewing: ShowReview(); break;
            case State.AwaitingReceipt: AskReceipt(); break;
            case State.Submitted or State.Tracking: ShowCaseMenu(); break;
            case State.AddingDocuments: AskMoreDocuments(); break;
            default:
                if (IsFieldsPhase)
                {
                    AskCurrentField();
                }

                break;
        }
    }

    private bool HandlePhaseButton(string data)
    {
        switch (Phase)
        {
            case State.ChoosingApplication when data.StartsWith(ButtonData.ValuePrefix, StringComparison.Ordinal):
                ChooseApplication(data[ButtonData.ValuePrefix.Length..]);
                return true;
            case State.CheckingPassword when data == ButtonData.CheckPassword:
                state.Field = "password";
                output.SayKey("password.askToCheck");
                return true;
            case State.Documents:
                return HandleDocumentsButton(data);
            case State.CheckingPassword or State.VerifyingEmail or State.LoggingIn when data == ButtonData.Next:
                state.Field = null;
                machine.Fire(Trigger.Next);
                return true;
            case State.VerifyingEmail when data == ButtonData.EmailMissing:
                output.SayKey("email.missing");
                ExplainEmailVerification();
                return true;
            case State.Reviewing:
                return HandleReviewButton(data);
            case State.Submitted or State.Tracking or State.AddingDocuments:
                return HandleCaseButton(data);
        }

        return IsFieldsPhase && HandleFieldButton(data);
    }

    private void HandlePhaseText(string text)
    {
        switch (Phase)
        {
            case State.ChoosingLanguage:
                var language = text.Contains('中', StringComparison.Ordinal) || text.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
                    ? Language.TraditionalChinese
                    : text.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : (Language?)null;
                if (language is null)
                {
                    AskLanguage();
                }
                else
                {
                    ChooseLanguage(language.Value);
                }

                break;
            case State.ChoosingApplication:
                var option = Forms.NiaLists.ApplicationKinds.Match(text);
                if (option is null)
                {
                    output.SayKey("input.notAChoice");
                    AskApplication();
                }
                else
                {
                    ChooseApplication(option.Code);
                }

                break;
            case State.CheckingPassword when state.Field == "password":
                CheckPassword(text);
                break;
            case State.AwaitingReceipt:
                TakeReceiptNumber(text);
                break;
            case State.Documents when IsNextWord(text):
                NextDocumentSlot();
                break;
            case State.Submitted or State.Tracking or State.AddingDocuments:
                HandleCaseText(text);
                break;
            case State.Reviewing or State.CheckingPassword or State.VerifyingEmail or State.LoggingIn or State.Documents:
                if (IsNextWord(text) && machine.CanFire(Trigger.Next))
                {
                    state.Field = null;
                    machine.Fire(Trigger.Next);
                }
                else
                {
                    output.SayKey("input.useButtons");
                    Prompt();
                }

                break;
            default:
                if (IsFieldsPhase)
                {
                    AnswerField(text);
                }

                break;
        }
    }

    private static bool IsNextWord(string text) =>
        text.ToLowerInvariant() is "next" or "done" or "ok" or "continue" or "下一步" or "完成" or "好" or "繼續";
}
