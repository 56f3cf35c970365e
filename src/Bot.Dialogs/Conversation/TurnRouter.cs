using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// One turn's input: a command every phase understands, a button every phase has, or else a trigger for the
/// conversation's machine (text, a pressed button, an upload) — refused kindly when the current phase has no use for it.
/// </summary>
internal sealed class TurnRouter(TurnContext ctx, StudentConversation conversation, CommandDesk commands, AdvisorDesk advisors)
{
    /// <summary>Text longer than any field could need is refused before it reaches a validator.</summary>
    public const int MaxTextLength = 500;

    public TurnResult Handle(Inbound inbound)
    {
        var state = ctx.State;
        state.UpdatedAt = ctx.Now;
        ctx.InboundDeletable = inbound.Deletable;

        // A school's link: its profile is preselected before any question uses it.
        Forms.SchoolLink.Preselect(state, ctx.Settings.Schools, inbound.StartPayload);
        if (conversation.IsNew)
        {
            state.CreatedAt = state.UpdatedAt;
            state.Language = Languages.FromHint(inbound.LanguageHint);
            conversation.Greet();
            return ctx.Output.Build();
        }

        var command = inbound.Kind == InboundKind.Command ? CommandName(inbound.Text ?? string.Empty) : null;
        if (advisors.Handle(inbound, command))
        {
            return ctx.Output.Build();
        }

        var data = inbound.Text ?? string.Empty;
        switch (inbound.Kind)
        {
            case InboundKind.Command:
                commands.Command(command!, conversation.IsChoosing, conversation.CanSummarise);
                break;
            case InboundKind.Button when commands.Button(data, conversation.CanSummarise) || conversation.TryPress(data):
                break;
            case InboundKind.Button:
                // A button from an earlier message that no longer fits: say so and ask again.
                commands.Refuse("input.staleButton");
                break;
            case InboundKind.Text when data.Length > MaxTextLength:
                commands.Refuse("input.tooLong", MaxTextLength);
                break;
            case InboundKind.Text:
                HandleText(data.Trim());
                break;
            case InboundKind.Upload when conversation.TryUpload(inbound):
                break;
            case InboundKind.Upload:
                commands.Refuse("upload.notNow");
                break;
            case InboundKind.Joined:
                commands.Refuse("welcome.back");
                break;
            default:
                commands.Refuse("input.unsupported");
                break;
        }

        return ctx.Output.Build();
    }

    private void HandleText(string typed)
    {
        IConversationMoves moves = conversation;

        // Typed words for the navigation buttons, in any language the bot speaks.
        var words = Words.Default;
        if (typed.Length == 0)
        {
            moves.Prompt();
            return;
        }

        if (words.Is("words.back", typed))
        {
            moves.Back();
            return;
        }

        if (conversation.IsInForm && words.Is("words.skip", typed))
        {
            moves.Skip();
            return;
        }

        if (words.Is("words.help", typed))
        {
            moves.Help();
            return;
        }

        // An overstay question is answered wherever the student is ("overstay 15 days", 「逾期 15 天」).
        if (!conversation.IsChoosingLanguage && OverstayQuestion.ParseDays(typed) is { } days)
        {
            commands.AnswerOverstay(days);
        }
        else if (!conversation.TryAnswer(typed))
        {
            commands.Refuse("input.useButtons");
        }
    }

    /// <summary>"/status@ArcHelperBot args" → "status".</summary>
    private static string CommandName(string text) => text.TrimStart('/').Split([' ', '@'], 2)[0].ToLowerInvariant();
}
