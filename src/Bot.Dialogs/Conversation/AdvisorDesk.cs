namespace Bot.Dialogs.Conversation;

/// <summary>"Ask an advisor": the student's question (and, while an advisor talks with them, every message) goes to the advisors.</summary>
internal sealed class AdvisorDesk(TurnContext ctx, IConversationMoves moves)
{
    /// <summary>True when the turn was about advisors and nothing else should answer it.</summary>
    public bool Handle(Inbound inbound, string? command)
    {
        var state = ctx.State;
        if (command is not null && AdvisorTalk.AdvisorCommands.Contains(command))
        {
            ctx.Output.SayKey("advisor.onlyForAdvisors");
            return true;
        }

        if (command == "ask" || (inbound.Kind == InboundKind.Button && inbound.Text == ButtonData.AskAdvisor))
        {
            state.Advisor ??= AdvisorTalk.Composing;
            ctx.Output.SayKey(state.Advisor == AdvisorTalk.Talking ? "advisor.alreadyTalking" : "advisor.askPrompt")
                .Buttons([[new(ctx.T("button.cancelAsk"), ButtonData.CancelAsk)]]);
            return true;
        }

        if (inbound.Kind == InboundKind.Button && inbound.Text == ButtonData.CancelAsk)
        {
            if (state.Advisor == AdvisorTalk.Composing)
            {
                state.Advisor = null;
            }

            ctx.Output.SayKey("advisor.askCancelled");
            moves.Prompt();
            return true;
        }

        var isMessage = inbound.Kind is InboundKind.Text or InboundKind.Upload;
        if (state.Advisor is not null && inbound is { Kind: InboundKind.Text, Text.Length: > TurnRouter.MaxTextLength })
        {
            // The same limit as for answers: a wall of text is refused, not forwarded.
            ctx.Output.SayKey("limits.advisorMessageTooLong", TurnRouter.MaxTextLength);
            return true;
        }

        if (state.Advisor == AdvisorTalk.Composing && isMessage)
        {
            state.Advisor = AdvisorTalk.Talking;
            ctx.Output.Effects |= TurnEffects.ForwardToAdvisors;
            ctx.Output.SayKey("advisor.questionSent");
            return true;
        }

        if (state.Advisor == AdvisorTalk.Talking && isMessage)
        {
            // An advisor has the conversation: pass it on and do not interrupt.
            ctx.Output.Effects |= TurnEffects.ForwardToAdvisors;
            return true;
        }

        return false;
    }

    /// <summary>The help screen's way to a person.</summary>
    public void Offer() =>
        ctx.Output.SayKey("advisor.helpHint").AlsoOffer([new(ctx.T("button.askAdvisor"), ButtonData.AskAdvisor)]);
}
