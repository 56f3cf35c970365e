using Bot.Dialogs.Applications;
using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// What a collaborator may ask of the conversation: the moves between phases, which the state machine owns. Each
/// is fired after the collaborator's own step is done, so what it said comes before the next phase's question.
/// </summary>
internal interface IConversationMoves
{
    /// <summary>Ask the current question again.</summary>
    void Prompt();

    /// <summary>The phase's work is done: on to the next one.</summary>
    void Finish();

    void Choose(ApplicationDefinition application);

    /// <summary>The student is unsure which application they need: a question or two.</summary>
    void HelpChoose();

    void Edit(string fieldId);

    /// <summary>The student gave the receipt number: the application is in.</summary>
    void Submitted();

    void Report(CaseEvent caseEvent);

    /// <summary>Back one question, or to the previous phase.</summary>
    void Back();

    void Skip();

    void Help();

    void Status();

    /// <summary>Clears the application and shows the NIA menu again.</summary>
    void StartOver();

    void ChooseLanguage(Messages.Language language);
}
