using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

// The phases and triggers of the student's machine (StudentConversation), and the step of the NIA process each phase
// belongs to. The machine's transitions are configured in StudentConversation.Machine.cs.

/// <summary>A phase of the conversation, kept in <see cref="StudentState.Phase"/> by name.</summary>
internal enum ConversationPhase
{
    New,
    Active,
    ChoosingLanguage,
    ChoosingApplication,
    Triage,
    Form,
    Registering,
    CheckingPassword,
    VerifyingEmail,
    LoggingIn,
    FillingForm,
    Documents,
    FillingPersonalData,
    Reviewing,
    Editing,
    AwaitingReceipt,
    Case,
    Tracking,
    AddingDocuments,
}

/// <summary>What moves the machine: the student's input and the collaborators' requests.</summary>
internal enum ConversationTrigger
{
    Greet,
    LanguageChosen,
    Choose,
    Unsure,
    Text,
    Press,
    Upload,
    Prompt,
    Help,
    Status,
    Back,
    Skip,
    Next,
    Edit,
    Receipt,
    Report,
    StartOver,
}

/// <summary>The step of the NIA process each phase belongs to ("step 5 of 9").</summary>
internal static class PhaseSteps
{
    private static readonly Dictionary<ConversationPhase, FormStep> Steps = new()
    {
        [ConversationPhase.ChoosingLanguage] = FormStep.ChooseApplication,
        [ConversationPhase.ChoosingApplication] = FormStep.ChooseApplication,
        [ConversationPhase.Triage] = FormStep.ChooseApplication,
        [ConversationPhase.Registering] = FormStep.Register,
        [ConversationPhase.CheckingPassword] = FormStep.Register,
        [ConversationPhase.VerifyingEmail] = FormStep.VerifyEmail,
        [ConversationPhase.LoggingIn] = FormStep.LogIn,
        [ConversationPhase.FillingForm] = FormStep.Request,
        [ConversationPhase.Documents] = FormStep.Documents,
        [ConversationPhase.FillingPersonalData] = FormStep.PersonalData,
    };

    public static bool TryGet(ConversationPhase phase, out FormStep step) => Steps.TryGetValue(phase, out step);
}
