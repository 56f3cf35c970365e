using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Stateless;
using Stateless.Graph;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// One student's conversation. The Stateless machine holds the phases of the NIA process; the phase is
/// kept in <see cref="StudentState"/> (outside the machine) so it is saved after every turn and reloaded
/// on any host. Never fire it from two threads: the host serialises each student's turns.
/// </summary>
public sealed partial class StudentConversation
{
    private enum State
    {
        New,
        Active,
        ChoosingLanguage,
        ChoosingApplication,
        Registering,
        CheckingPassword,
        VerifyingEmail,
        LoggingIn,
        FillingExtension,
        Documents,
        FillingPersonalData,
        Reviewing,
        Editing,
        AwaitingReceipt,
        Submitted,
        Tracking,
        AddingDocuments,
    }

    private enum Trigger
    {
        Greet,
        LanguageChosen,
        ExtensionChosen,
        Next,
        Back,
        Edit,
        EditDone,
        ReceiptGiven,
        StartOver,
        CaseEvent,
        MoreDocumentsRequested,
        DocumentsSent,
    }

    /// <summary>Text longer than any field could need is refused before it reaches a validator.</summary>
    public const int MaxTextLength = 500;

    /// <summary>What a pooled conversation points at between turns, so it keeps no student's data while idle.</summary>
    private static readonly StudentState Idle = new();

    private readonly DialogSettings settings;
    private readonly StateMachine<State, Trigger> machine;
    private readonly ReplyBuilder output;

    // A pooled conversation (see ConversationPool) is given each turn's student here. The machine's configuration
    // reads the student through this field only, never through a value captured when it was built.
    private StudentState state;

    public StudentConversation(StudentState state, DialogSettings settings)
    {
        this.state = state;
        this.settings = settings;
        output = new ReplyBuilder(settings.Messages, () => this.state.Language);
        machine = new StateMachine<State, Trigger>(
            () => Enum.TryParse<State>(this.state.Phase, out var phase) ? phase : State.New,
            phase => this.state.Phase = phase.ToString());
        Configure();
    }

    /// <summary>Whether this conversation was made with <paramref name="other"/> (a pool only reuses it for those settings).</summary>
    internal bool Uses(DialogSettings other) => ReferenceEquals(settings, other);

    /// <summary>Starts another turn, for another (or the same) student, on the already configured machine.</summary>
    internal void Reuse(StudentState next)
    {
        state = next;
        output.Clear();
    }

    /// <summary>Forgets the last turn's student and replies (the conversation waits in a pool).</summary>
    internal void Release() => Reuse(Idle);

    public StudentState Record => state;

    private State Phase => machine.State;

    private FieldContext Context => new(settings.TodayInTaiwan(), state, settings.Schools);

    private void Configure()
    {
        machine.Configure(State.New)
            .Permit(Trigger.Greet, State.ChoosingLanguage);

        machine.Configure(State.Active)
            .Permit(Trigger.StartOver, State.ChoosingApplication);

        machine.Configure(State.ChoosingLanguage)
            .SubstateOf(State.Active)
            .OnEntry(AskLanguage)
            .Permit(Trigger.LanguageChosen, State.ChoosingApplication);

        machine.Configure(State.ChoosingApplication)
            .SubstateOf(State.Active)
            .OnEntry(AskApplication)
            .PermitReentry(Trigger.StartOver)
            .Permit(Trigger.ExtensionChosen, State.Registering);

        ConfigureFields(State.Registering, FormStep.Register, next: State.CheckingPassword, back: State.ChoosingApplication);

        machine.Configure(State.CheckingPassword)
            .SubstateOf(State.Active)
            .OnEntry(ExplainPassword)
            .Permit(Trigger.Next, State.VerifyingEmail)
            .Permit(Trigger.Back, State.Registering);

        machine.Configure(State.VerifyingEmail)
            .SubstateOf(State.Active)
            .OnEntry(ExplainEmailVerification)
            .Permit(Trigger.Next, State.LoggingIn)
            .Permit(Trigger.Back, State.CheckingPassword);

        machine.Configure(State.LoggingIn)
            .SubstateOf(State.Active)
            .OnEntry(ExplainLogin)
            .Permit(Trigger.Next, State.FillingExtension)
            .Permit(Trigger.Back, State.VerifyingEmail);

        ConfigureFields(State.FillingExtension, FormStep.ExtensionRequest, next: State.Documents, back: State.LoggingIn);

        machine.Configure(State.Documents)
            .SubstateOf(State.Active)
            .OnEntry(t => EnterDocuments(fromEnd: t.Trigger == Trigger.Back))
            .Permit(Trigger.Next, State.FillingPersonalData)
            .Permit(Trigger.Back, State.FillingExtension);

        ConfigureFields(State.FillingPersonalData, FormStep.PersonalData, next: State.Reviewing, back: State.Documents);

        machine.Configure(State.Reviewing)
            .SubstateOf(State.Active)
            .OnEntry(ShowReview)
            .Permit(Trigger.Next, State.AwaitingReceipt)
            .Permit(Trigger.Edit, State.Editing)
            .Permit(Trigger.Back, State.FillingPersonalData);

        machine.Configure(State.Editing)
            .SubstateOf(State.Active)
            .OnEntry(AskCurrentField)
            .Permit(Trigger.EditDone, State.Reviewing)
            .Permit(Trigger.Back, State.Reviewing);

        machine.Configure(State.AwaitingReceipt)
            .SubstateOf(State.Active)
            .OnEntry(ShowSummary)
            .Permit(Trigger.ReceiptGiven, State.Submitted)
            .Permit(Trigger.Back, State.Reviewing);

        machine.Configure(State.Submitted)
            .SubstateOf(State.Active)
            .OnEntry(ConfirmSubmitted)
            .Permit(Trigger.CaseEvent, State.Tracking)
            .Permit(Trigger.MoreDocumentsRequested, State.AddingDocuments);

        ConfigureTracking();
    }

    private void ConfigureFields(State phase, FormStep firstStep, State next, State back) =>
        machine.Configure(phase)
            .SubstateOf(State.Active)
            .OnEntry(t => EnterFields(phase, fromEnd: t.Trigger == Trigger.Back))
            .Permit(Trigger.Next, next)
            .Permit(Trigger.Back, back);

    /// <summary>The state diagram, generated from the code (docs/conversation.md).</summary>
    public static string MermaidDiagram()
    {
        var conversation = new StudentConversation(new StudentState(), DialogSettings.Default);
        return MermaidGraph.Format(conversation.machine.GetInfo());
    }

    /// <summary>Which steps of <see cref="FormStep"/> a fields phase covers.</summary>
    private static FormStep[] StepsOf(State phase) => phase switch
    {
        State.Registering => [FormStep.Register],
        State.FillingExtension => [FormStep.ExtensionRequest, FormStep.ApplicationData],
        State.FillingPersonalData => [FormStep.PersonalData],
        _ => [],
    };

    /// <summary>The step number shown to the student ("step 5 of 9").</summary>
    private FormStep CurrentStep => Phase switch
    {
        State.New or State.ChoosingLanguage or State.ChoosingApplication => FormStep.ChooseApplication,
        State.Registering or State.CheckingPassword => FormStep.Register,
        State.VerifyingEmail => FormStep.VerifyEmail,
        State.LoggingIn => FormStep.LogIn,
        State.FillingExtension or State.Editing => ExtensionForm.Find(state.Field)?.Step ?? FormStep.ExtensionRequest,
        State.Documents => FormStep.Documents,
        State.FillingPersonalData => FormStep.PersonalData,
        _ => FormStep.Review,
    };
}
