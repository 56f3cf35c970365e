using Bot.Dialogs.Cases;
using Bot.Dialogs.Forms;
using Stateless;
using State = Bot.Dialogs.Conversation.ConversationPhase;
using Trigger = Bot.Dialogs.Conversation.ConversationTrigger;

namespace Bot.Dialogs.Conversation;

/// <summary>The machine: every phase, what each trigger means in it, and where back and next lead.</summary>
public sealed partial class StudentConversation
{
    private void Configure()
    {
        machine.Configure(State.New)
            .Permit(Trigger.Greet, State.ChoosingLanguage);

        // What every phase understands; a phase configures its own meaning where it has one.
        machine.Configure(State.Active)
            .Permit(Trigger.StartOver, State.ChoosingApplication)
            .InternalTransition(Trigger.Help, () => commands.ShowHelp($"help.{Phase}"))
            .InternalTransition(Trigger.Status, () => commands.ShowProgress(ProgressStep))
            .InternalTransition(Trigger.Back, () => commands.Refuse("nav.cannotGoBack"))
            .InternalTransition(Trigger.Skip, () => commands.Refuse("nav.cannotSkip"));

        machine.Configure(State.ChoosingLanguage)
            .SubstateOf(State.Active)
            .OnEntry(chooser.AskLanguage)
            .InternalTransition(Trigger.Prompt, chooser.AskLanguage)
            .InternalTransition(text, (typed, _) => chooser.ReadLanguage(typed))
            .Permit(Trigger.LanguageChosen, State.ChoosingApplication);

        machine.Configure(State.ChoosingApplication)
            .SubstateOf(State.Active)
            .OnEntryFrom(Trigger.StartOver, chooser.Reset)
            .OnEntry(chooser.Ask)
            .InternalTransition(Trigger.Prompt, chooser.Ask)
            .PermitReentry(Trigger.StartOver)
            .InternalTransitionIf(press, ApplicationChooser.Accepts, (data, _) => chooser.Press(data), "an application or unsure")
            .InternalTransition(text, (typed, _) => chooser.Read(typed))
            .Permit(Trigger.Unsure, State.Triage)
            .Permit(choose.Trigger, State.Registering);

        machine.Configure(State.Triage)
            .SubstateOf(State.Active)
            .OnEntry(triage.Ask)
            .InternalTransition(Trigger.Prompt, triage.Ask)
            .InternalTransitionIf(press, triage.Accepts, (data, _) => triage.Press(data), "a situation")
            .InternalTransition(text, (typed, _) => triage.Read(typed))
            .InternalTransitionIf(Trigger.Back, _ => triage.CanGoBack, _ => triage.GoBack(), "asking the days")
            .PermitIf(Trigger.Back, State.ChoosingApplication, () => !triage.CanGoBack, "asking the situation")
            .Permit(choose.Trigger, State.Registering);

        // The form phases: a field cursor walks the chosen application's fields (FormWalker).
        machine.Configure(State.Form)
            .SubstateOf(State.Active);

        // Choosing an application sets it before the walker asks its first field (entry actions run in order).
        machine.Configure(State.Registering).OnEntryFrom(choose, chooser.Start);
        ConfigureFields(State.Registering, FormScope.Registration, back: State.ChoosingApplication, next: State.CheckingPassword);

        machine.Configure(State.CheckingPassword)
            .SubstateOf(State.Active)
            .OnEntry(account.ExplainPassword)
            .InternalTransition(Trigger.Prompt, account.ExplainPassword)
            .InternalTransitionIf(press, data => data == ButtonData.CheckPassword, (_, _) => account.AskPasswordToCheck(), "check a password")
            .PermitIf(press, State.VerifyingEmail, data => data == ButtonData.Next, "registered")
            .InternalTransitionIf(text, _ => account.ExpectsPassword, (typed, _) => account.CheckPassword(typed), "a password to check")
            .PermitIf(text, State.VerifyingEmail, typed => !account.ExpectsPassword && TurnContext.IsNextWord(typed), "next")
            .Permit(Trigger.Back, State.Registering);

        machine.Configure(State.VerifyingEmail)
            .SubstateOf(State.Active)
            .OnEntry(account.ExplainEmailVerification)
            .InternalTransition(Trigger.Prompt, account.ExplainEmailVerification)
            .InternalTransitionIf(press, data => data == ButtonData.EmailMissing, (_, _) => account.EmailMissing(), "no e-mail")
            .PermitIf(press, State.LoggingIn, data => data == ButtonData.Next, "verified")
            .PermitIf(text, State.LoggingIn, TurnContext.IsNextWord, "next")
            .Permit(Trigger.Back, State.CheckingPassword);

        machine.Configure(State.LoggingIn)
            .SubstateOf(State.Active)
            .OnEntry(account.ExplainLogin)
            .InternalTransition(Trigger.Prompt, account.ExplainLogin)
            .PermitIf(press, State.FillingForm, data => data == ButtonData.Next, "logged in")
            .PermitIf(text, State.FillingForm, TurnContext.IsNextWord, "next")
            .Permit(Trigger.Back, State.VerifyingEmail);

        ConfigureFields(State.FillingForm, FormScope.Application, back: State.LoggingIn, next: State.Documents);

        machine.Configure(State.Documents)
            .SubstateOf(State.Active)
            .OnEntry(t => documents.Enter(fromEnd: t.Trigger == Trigger.Back))
            .InternalTransition(Trigger.Prompt, documents.Ask)
            .InternalTransition(upload, (inbound, _) =>
            {
                documents.Take(inbound, documents.Expected);
                documents.Ask();
            })
            .InternalTransitionIf(press, data => data == ButtonData.Next, (_, _) => documents.Next(), "next slot")
            .InternalTransitionIf(text, TurnContext.IsNextWord, (_, _) => documents.Next(), "next slot")
            .InternalTransitionIf(Trigger.Back, _ => documents.CanGoBack, _ => documents.GoBack(), "not the first slot")
            .PermitIf(Trigger.Back, State.FillingForm, () => !documents.CanGoBack, "the first slot")
            .Permit(Trigger.Next, State.FillingPersonalData);

        ConfigureFields(State.FillingPersonalData, FormScope.PersonalData, back: State.Documents, next: State.Reviewing);

        machine.Configure(State.Reviewing)
            .SubstateOf(State.Active)
            .OnEntry(review.Show)
            .InternalTransition(Trigger.Prompt, review.Show)
            .InternalTransitionIf(press, review.Accepts, (data, _) => review.Press(data), "confirm or edit")
            .InternalTransitionIf(text, TurnContext.IsNextWord, (_, _) => review.Confirm(), "confirm")
            .Permit(edit.Trigger, State.Editing)
            .Permit(Trigger.Next, State.AwaitingReceipt)
            .Permit(Trigger.Back, State.FillingPersonalData);

        ConfigureFieldAnswers(State.Editing, FormScope.Edit)
            .OnEntryFrom(edit, walker.BeginEdit)
            .Permit(Trigger.Next, State.Reviewing)
            .Permit(Trigger.Back, State.Reviewing);

        machine.Configure(State.AwaitingReceipt)
            .SubstateOf(State.Active)
            .OnEntry(commands.ShowSummary)
            .InternalTransition(Trigger.Prompt, account.AskReceipt)
            .InternalTransition(text, (typed, _) => account.TakeReceiptNumber(typed))
            .Permit(Trigger.Receipt, State.Tracking)
            .Permit(Trigger.Back, State.Reviewing);

        ConfigureCase();
    }

    /// <summary>After submission: the case, with a detour to add documents when NIA asks (補件).</summary>
    private void ConfigureCase()
    {
        machine.Configure(State.Case)
            .SubstateOf(State.Active)
            .InternalTransition(Trigger.Status, () =>
            {
                caseText.Status();
                Prompt();
            })
            .InternalTransition(text, (typed, _) => tracker.Read(typed, Phase == State.AddingDocuments))
            .InternalTransitionIf(press, data => tracker.Accepts(data, Phase == State.AddingDocuments), (data, _) => tracker.Press(data), "an event or an answer");

        machine.Configure(State.Tracking)
            .SubstateOf(State.Case)
            .OnEntryFrom(Trigger.Receipt, tracker.ConfirmSubmitted)
            .OnEntryFrom(report, tracker.Record)
            .InternalTransition(Trigger.Prompt, tracker.Menu)
            .InternalTransitionIf(report, e => e != CaseEvent.MoreDocuments, (e, _) => tracker.Record(e), "any other event")
            .PermitIf(report, State.AddingDocuments, e => e == CaseEvent.MoreDocuments, "more documents");

        machine.Configure(State.AddingDocuments)
            .SubstateOf(State.Case)
            .OnEntryFrom(report, tracker.Record)
            .InternalTransition(Trigger.Prompt, tracker.AskMoreDocuments)
            .InternalTransition(upload, (inbound, _) =>
            {
                documents.Take(inbound, documents.Supplement);
                tracker.AskMoreDocuments();
            })
            .InternalTransitionIf(report, e => e == CaseEvent.MoreDocuments, (e, _) => tracker.Record(e), "more documents again")
            .PermitIf(report, State.Tracking, e => e != CaseEvent.MoreDocuments, "documents sent, or NIA decided");
    }

    /// <summary>The step "/status" reports: the phase's, or (editing) the edited field's.</summary>
    private FormStep ProgressStep =>
        PhaseSteps.TryGet(Phase, out var step) ? step : Phase == State.Editing ? walker.Current?.Step ?? FormStep.Review : FormStep.Review;

    private StateMachine<State, Trigger>.StateConfiguration ConfigureFields(State phase, FormScope scope, State back, State next) =>
        ConfigureFieldAnswers(phase, scope)
            .OnEntry(t => walker.Enter(scope, fromEnd: t.Trigger == Trigger.Back))
            .InternalTransitionIf(Trigger.Back, _ => walker.CanGoBack(scope), _ => walker.GoBack(scope), "not the first field")
            .PermitIf(Trigger.Back, back, () => !walker.CanGoBack(scope), "the first field")
            .Permit(Trigger.Next, next);

    /// <summary>What a form phase does with answers: typed or pressed, skipped, helped.</summary>
    private StateMachine<State, Trigger>.StateConfiguration ConfigureFieldAnswers(State phase, FormScope scope) =>
        machine.Configure(phase)
            .SubstateOf(State.Form)
            .InternalTransition(Trigger.Prompt, () => walker.Ask(scope))
            .InternalTransition(Trigger.Help, () => commands.ShowHelp(walker.HelpKey(scope)))
            .InternalTransition(text, (typed, _) => walker.Answer(scope, typed))
            .InternalTransitionIf(press, walker.Accepts, (data, _) => walker.Press(scope, data), "an answer to the field")
            .InternalTransitionIf(Trigger.Skip, _ => walker.CanSkip, _ => walker.Skip(scope), "optional field");
}
