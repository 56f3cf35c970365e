using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// Walks the fields of the chosen application: asks the current one (its id is kept in
/// <see cref="StudentState.Field"/>), reads typed or pressed answers with the field's rules, skips optional ones,
/// goes back within the phase, and tells the conversation when the phase (or an edit) is done.
/// </summary>
internal sealed class FormWalker(TurnContext ctx, IConversationMoves moves)
{
    private readonly FieldPrompter prompter = new(ctx);

    public FieldSpec? Current => ctx.Application.Find(ctx.State.Field);

    /// <summary>The fields of a phase that apply to this student, in NIA order.</summary>
    public List<FieldSpec> Fields(FormScope scope)
    {
        var context = ctx.Fields;
        return [.. ctx.Application.Fields.Where(f => scope.Steps.Contains(f.Step) && f.AppliesWhen(context))];
    }

    /// <summary>Required fields that apply but have no answer (e.g. after an edit changed what applies).</summary>
    public IEnumerable<FieldSpec> Missing()
    {
        var context = ctx.Fields;
        return ctx.Application.Fields.Where(f => f.AppliesWhen(context) && !f.Optional && ctx.State.Answer(f.Id) is null);
    }

    public void Enter(FormScope scope, bool fromEnd)
    {
        var fields = Fields(scope);
        if (Current is not { } current || !fields.Contains(current))
        {
            ctx.State.Field = (fromEnd ? fields.LastOrDefault() : fields.FirstOrDefault())?.Id;
        }

        ctx.State.Page = 0;
        Ask(scope);
    }

    /// <summary>Editing one answer from the review: a format or source answer re-asks what depends on it.</summary>
    public void BeginEdit(string fieldId)
    {
        var field = ctx.Application.Get(fieldId);
        ctx.State.Field = field.Id;
        if (field.Screen == NiaScreen.Address && ctx.State.Answer("addressSource") == "school")
        {
            ctx.State.Answers["addressSource"] = "own";
        }

        if (field.Screen == NiaScreen.Contact && ctx.State.Answer("contactSource") == "school")
        {
            ctx.State.Answers["contactSource"] = "own";
        }

        ctx.State.Page = 0;
        Ask(FormScope.Edit);
    }

    public void Ask(FormScope scope)
    {
        if (Current is { } field)
        {
            prompter.Ask(field, scope.IsEdit);
        }
        else
        {
            Advance(scope);
        }
    }

    /// <summary>The field's own help where it has one, else the phase's (or the application's).</summary>
    public string HelpKey(FormScope scope) =>
        Current is { } field && ctx.Settings.Messages.Has(ctx.Language, $"field.{field.Id}.help")
            ? $"field.{field.Id}.help"
            : scope.HelpKey ?? ctx.Application.HelpKey;

    /// <summary>Whether a pressed button answers the current field (a school suggestion, a page of options, an option).</summary>
    public bool Accepts(string data)
    {
        if (Current is not { } field)
        {
            return false;
        }

        var context = ctx.Fields;
        return data == ButtonData.Retry
            || (data == ButtonData.SchoolDefault && FieldPrompter.Suggestion(field, context) is not null)
            || (data.StartsWith(ButtonData.PagePrefix, StringComparison.Ordinal) && int.TryParse(data.AsSpan(ButtonData.PagePrefix.Length), out _))
            || (data.StartsWith(ButtonData.ValuePrefix, StringComparison.Ordinal) && field.OptionsFor(context)?.ByCode(data[ButtonData.ValuePrefix.Length..]) is not null);
    }

    public void Press(FormScope scope, string data)
    {
        var field = Current!;
        var context = ctx.Fields;
        if (data == ButtonData.Retry)
        {
            Ask(scope);
        }
        else if (data == ButtonData.SchoolDefault)
        {
            var suggestion = FieldPrompter.Suggestion(field, context)!;
            Accept(scope, field, field.OptionsFor(context)?.Match(suggestion)?.Code ?? suggestion, null);
        }
        else if (data.StartsWith(ButtonData.PagePrefix, StringComparison.Ordinal))
        {
            ctx.State.Page = int.Parse(data.AsSpan(ButtonData.PagePrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
            Ask(scope);
        }
        else
        {
            Accept(scope, field, data[ButtonData.ValuePrefix.Length..], null);
        }
    }

    public void Answer(FormScope scope, string text)
    {
        if (Current is not { } field)
        {
            moves.Prompt();
            return;
        }

        var context = ctx.Fields;
        var options = field.OptionsFor(context);
        if (options?.Match(text, ctx.Language) is { } option)
        {
            Accept(scope, field, option.Code, null);
            return;
        }

        if (options is not null && !field.AllowsOtherText)
        {
            ctx.Output.SayKey("input.notAChoice");
            Ask(scope);
            return;
        }

        var result = field.Read!(text, context);
        if (result.Stops)
        {
            Stop(result);
            return;
        }

        if (!result.IsValid)
        {
            ctx.Output.Say("⚠️ " + ctx.F(result.ErrorKey!, result.Args ?? []));
            Ask(scope);
            return;
        }

        Accept(scope, field, result.Value!, result);
    }

    /// <summary>The answer ends the application: why, and the ways on (correct it, a person, another application).</summary>
    private void Stop(FieldResult result)
    {
        ctx.Output.Say("⚠️ " + ctx.F(result.ErrorKey!, result.Args ?? []));
        ctx.Output.Buttons([
            [new(ctx.T("button.correctAnswer"), ButtonData.Retry)],
            [new(ctx.T("button.askAdvisor"), ButtonData.AskAdvisor)],
            [new(ctx.T("button.otherApplication"), ButtonData.StartOverYes)],
        ]);
    }

    public bool CanSkip => Current is { Optional: true };

    public void Skip(FormScope scope)
    {
        var field = Current!;
        ctx.State.Answers.Remove(field.Id);
        (ctx.State.Skipped ??= []).Add(field.Id);
        Advance(scope);
    }

    public bool CanGoBack(FormScope scope) => !scope.IsEdit && Fields(scope).FindIndex(f => f.Id == ctx.State.Field) > 0;

    public void GoBack(FormScope scope)
    {
        var fields = Fields(scope);
        ctx.State.Field = fields[fields.FindIndex(f => f.Id == ctx.State.Field) - 1].Id;
        ctx.State.Page = 0;
        Ask(scope);
    }

    private void Accept(FormScope scope, FieldSpec field, string value, FieldResult? result)
    {
        var state = ctx.State;
        state.Answers[field.Id] = value;
        state.Skipped?.Remove(field.Id);
        field.OnAnswered?.Invoke(state, value, ctx.Fields);
        var feedback = "✓ " + ctx.F("field.saved", ctx.T(field.LabelKey), FieldText.Display(field, value, ctx.Fields, ctx.Language));
        if (result?.NoticeKey is { } notice)
        {
            feedback += "\n" + ctx.F(notice, result.NoticeArgs ?? []);
        }

        ctx.Output.Say(feedback);
        Advance(scope);
    }

    /// <summary>Moves to the next field that applies, or finishes the phase (or the edit, once nothing it made necessary is missing).</summary>
    private void Advance(FormScope scope)
    {
        ctx.State.Page = 0;
        if (scope.IsEdit)
        {
            // An edit can make a follow-up field apply (e.g. one name line → full name); ask those before returning.
            if (Missing().FirstOrDefault() is { } pending && pending.Id != ctx.State.Field)
            {
                ctx.State.Field = pending.Id;
                Ask(scope);
                return;
            }
        }
        else
        {
            var fields = Fields(scope);
            var next = fields.Skip(fields.FindIndex(f => f.Id == ctx.State.Field) + 1).FirstOrDefault();
            if (next is not null)
            {
                ctx.State.Field = next.Id;
                Ask(scope);
                return;
            }
        }

        ctx.State.Field = null;
        moves.Finish();
    }
}
