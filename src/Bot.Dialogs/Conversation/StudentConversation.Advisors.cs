namespace Bot.Dialogs.Conversation;

/// <summary>"Ask an advisor": the student's question (and, while an advisor talks with them, every message) goes to the advisors.</summary>
public sealed partial class StudentConversation
{
    /// <summary>True when the turn was about advisors and nothing else should answer it.</summary>
    private bool HandleAdvisorTalk(Inbound inbound)
    {
        var command = inbound.Kind == InboundKind.Command ? CommandName(inbound.Text ?? string.Empty) : null;
        if (command is not null && AdvisorTalk.AdvisorCommands.Contains(command))
        {
            output.SayKey("advisor.onlyForAdvisors");
            return true;
        }

        if (command == "ask" || (inbound.Kind == InboundKind.Button && inbound.Text == ButtonData.AskAdvisor))
        {
            state.Advisor ??= AdvisorTalk.Composing;
            output.SayKey(state.Advisor == AdvisorTalk.Talking ? "advisor.alreadyTalking" : "advisor.askPrompt")
                .Buttons([[new(output.T("button.cancelAsk"), ButtonData.CancelAsk)]]);
            return true;
        }

        if (inbound.Kind == InboundKind.Button && inbound.Text == ButtonData.CancelAsk)
        {
            if (state.Advisor == AdvisorTalk.Composing)
            {
                state.Advisor = null;
            }

            output.SayKey("advisor.askCancelled");
            Prompt();
            return true;
        }

        var isMessage = inbound.Kind is InboundKind.Text or InboundKind.Upload;
        if (state.Advisor == AdvisorTalk.Composing && isMessage)
        {
            state.Advisor = AdvisorTalk.Talking;
            output.Effects |= TurnEffects.ForwardToAdvisors;
            output.SayKey("advisor.questionSent");
            return true;
        }

        if (state.Advisor == AdvisorTalk.Talking && isMessage)
        {
            // An advisor has the conversation: pass it on and do not interrupt.
            output.Effects |= TurnEffects.ForwardToAdvisors;
            return true;
        }

        return false;
    }

    /// <summary>The help screen's way to a person.</summary>
    private void OfferAdvisor() =>
        output.SayKey("advisor.helpHint").AlsoOffer([new(output.T("button.askAdvisor"), ButtonData.AskAdvisor)]);
}
