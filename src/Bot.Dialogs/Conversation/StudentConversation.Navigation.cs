using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>Moves that work at any step: language, start over, erase, back, and asking the current question again.</summary>
public sealed partial class StudentConversation
{
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
}
