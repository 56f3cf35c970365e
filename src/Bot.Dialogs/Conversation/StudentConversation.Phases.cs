using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>What a button or a text means in each phase (outside form fields and case tracking).</summary>
public sealed partial class StudentConversation
{
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
}
