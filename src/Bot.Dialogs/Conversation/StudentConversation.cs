using Bot.Dialogs.Applications;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Uploads;
using Stateless;
using Stateless.Graph;
using State = Bot.Dialogs.Conversation.ConversationPhase;
using Trigger = Bot.Dialogs.Conversation.ConversationTrigger;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// One student's conversation: a Stateless machine over the phases of the NIA process, the same for every
/// application, whose transitions it owns (what a text, a button or an upload means in each phase; where back and
/// next lead). The work of each phase is done by small collaborators over one <see cref="TurnContext"/>: the
/// application chooser, the form walker, the document collector, the review, the summary, the account guide, the
/// case tracker and the advisor desk. The phase is kept in <see cref="StudentState"/> (outside the machine) so it is
/// saved after every turn and reloaded on any host. Never fire it from two threads: the host serialises each
/// student's turns, and a pool hands a conversation to one turn at a time.
/// </summary>
public sealed partial class StudentConversation : IConversationMoves
{
    private readonly DialogSettings settings;
    private readonly StateMachine<State, Trigger> machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> text;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> press;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<Inbound> upload;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<ApplicationDefinition> choose;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> edit;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<CaseEvent> report;

    private readonly TurnContext ctx;
    private readonly ApplicationChooser chooser;
    private readonly Triage triage;
    private readonly AccountGuide account;
    private readonly FormWalker walker;
    private readonly DocumentCollector documents;
    private readonly ReviewDesk review;
    private readonly SummaryWriter summary;
    private readonly CaseRenderer caseText;
    private readonly CaseTracker tracker;
    private readonly AdvisorDesk advisors;
    private readonly CommandDesk commands;
    private readonly TurnRouter router;

    /// <summary>The input trigger being tried, and whether the current phase had no handler for it.</summary>
    private Trigger? trying;
    private bool unhandled;

    public StudentConversation(StudentState state, DialogSettings settings)
    {
        this.settings = settings;
        ctx = new TurnContext(settings);
        ctx.Begin(state);
        chooser = new ApplicationChooser(ctx, this);
        triage = new Triage(ctx, this);
        account = new AccountGuide(ctx, this);
        walker = new FormWalker(ctx, this);
        documents = new DocumentCollector(ctx, this);
        review = new ReviewDesk(ctx, this, walker);
        summary = new SummaryWriter(ctx, review, documents);
        caseText = new CaseRenderer(ctx);
        tracker = new CaseTracker(ctx, this, caseText, documents);
        advisors = new AdvisorDesk(ctx, this);
        commands = new CommandDesk(ctx, this, chooser, account, summary, tracker, advisors);
        router = new TurnRouter(ctx, this, commands, advisors);

        // The machine reads and writes the phase of whichever student the context serves now, never a captured one.
        machine = new StateMachine<State, Trigger>(
            () => Enum.TryParse<State>(ctx.State.Phase, out var phase) ? phase : State.New,
            phase => ctx.State.Phase = phase.ToString());
        text = machine.SetTriggerParameters<string>(Trigger.Text);
        press = machine.SetTriggerParameters<string>(Trigger.Press);
        upload = machine.SetTriggerParameters<Inbound>(Trigger.Upload);
        choose = machine.SetTriggerParameters<ApplicationDefinition>(Trigger.Choose);
        edit = machine.SetTriggerParameters<string>(Trigger.Edit);
        report = machine.SetTriggerParameters<CaseEvent>(Trigger.Report);
        machine.OnUnhandledTrigger((phase, trigger) =>
        {
            // Input a phase has no use for is refused kindly by the router; any other unhandled move is a bug.
            unhandled = trigger == trying ? true : throw new InvalidOperationException($"No transition for {trigger} in {phase}.");
        });
        Configure();
    }

    public StudentState Record => ctx.State;

    /// <summary>Text longer than any field could need is refused before it reaches a validator.</summary>
    public const int MaxTextLength = TurnRouter.MaxTextLength;

    /// <summary>Handles one thing the student sent and returns what to answer. The state is changed in place.</summary>
    public TurnResult Handle(Inbound inbound) => router.Handle(inbound);

    private State Phase => machine.State;

    /// <summary>What an upload now would be used for; null when the bot is not asking for files.</summary>
    public UploadExpectation? ExpectedUpload => Phase switch
    {
        State.Documents => documents.Expected,
        State.AddingDocuments => documents.Supplement,
        _ => null,
    };

    /// <summary>Whether this conversation was made with <paramref name="other"/> (a pool only reuses it for those settings).</summary>
    internal bool Uses(DialogSettings other) => ReferenceEquals(settings, other);

    /// <summary>Starts another turn, for another (or the same) student, on the already configured machine.</summary>
    internal void Reuse(StudentState next) => ctx.Begin(next);

    /// <summary>Forgets the last turn's student and replies (the conversation waits in a pool).</summary>
    internal void Release() => ctx.End();

    /// <summary>The state diagram, generated from the code (docs/conversation.md).</summary>
    public static string MermaidDiagram() =>
        MermaidGraph.Format(new StudentConversation(new StudentState(), DialogSettings.Default).machine.GetInfo());

    /// <summary>A reminder as the student sees it, with the buttons that answer it (while the case is being tracked).</summary>
    public IReadOnlyList<Reply> RenderReminder(PlannedReminder reminder)
    {
        caseText.Reminder(reminder, machine.IsInState(State.Case), tracker.MuteChoice());
        return ctx.Output.Build().Replies;
    }

    // The moves collaborators ask for; each fires once the collaborator's own step is done (the machine queues it).
    void IConversationMoves.Prompt() => Prompt();

    void IConversationMoves.Finish() => machine.Fire(Trigger.Next);

    void IConversationMoves.Choose(ApplicationDefinition application) => machine.Fire(choose, application);

    void IConversationMoves.HelpChoose() => machine.Fire(Trigger.Unsure);

    void IConversationMoves.Edit(string fieldId) => machine.Fire(edit, fieldId);

    void IConversationMoves.Submitted() => machine.Fire(Trigger.Receipt);

    void IConversationMoves.Report(CaseEvent caseEvent) => machine.Fire(report, caseEvent);

    void IConversationMoves.Back() => machine.Fire(Trigger.Back);

    void IConversationMoves.Skip() => machine.Fire(Trigger.Skip);

    void IConversationMoves.Help() => machine.Fire(Trigger.Help);

    void IConversationMoves.Status() => machine.Fire(Trigger.Status);

    void IConversationMoves.StartOver() => machine.Fire(Trigger.StartOver);

    void IConversationMoves.ChooseLanguage(Messages.Language language)
    {
        ctx.State.Language = language;
        if (Phase == State.ChoosingLanguage)
        {
            machine.Fire(Trigger.LanguageChosen);
            return;
        }

        commands.Refuse("language.changed");
    }

    // What the router asks of the machine: where the student is, and whether the phase takes this input.
    internal bool IsNew => Phase == State.New;

    internal bool IsChoosingLanguage => Phase == State.ChoosingLanguage;

    internal bool IsChoosing => Phase is State.ChoosingLanguage or State.ChoosingApplication or State.Triage;

    internal bool IsInForm => machine.IsInState(State.Form);

    internal bool CanSummarise => ctx.State.ReceiptNumber is not null || Phase == State.AwaitingReceipt;

    internal void Greet() => machine.Fire(Trigger.Greet);

    internal bool TryAnswer(string typed) => TryFire(text, typed);

    internal bool TryPress(string data) => TryFire(press, data);

    internal bool TryUpload(Inbound inbound) => TryFire(upload, inbound);

    /// <summary>Fires when the phase has a use for it; one look-up of the handler (the machine reports an unhandled trigger).</summary>
    private bool TryFire<T>(StateMachine<State, Trigger>.TriggerWithParameters<T> trigger, T argument)
    {
        unhandled = false;
        trying = trigger.Trigger;
        machine.Fire(trigger, argument);
        trying = null;
        return !unhandled;
    }

    /// <summary>Asks the current question again, with its buttons.</summary>
    private void Prompt() => machine.Fire(Trigger.Prompt);
}
