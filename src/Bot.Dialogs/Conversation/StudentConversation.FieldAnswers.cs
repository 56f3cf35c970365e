using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

/// <summary>Answers to form fields: typed or pressed, accepted or refused, skipped, and what comes after.</summary>
public sealed partial class StudentConversation
{
    private bool HandleFieldButton(string data)
    {
        if (CurrentField is not { } field)
        {
            return false;
        }

        var context = Context;
        if (data == ButtonData.SchoolDefault && context.School is { } school && field.SchoolDefault?.Invoke(school) is { } suggestion)
        {
            var option = field.OptionsFor(context)?.Match(suggestion);
            Accept(field, option?.Code ?? suggestion, null);
            return true;
        }

        if (data.StartsWith(ButtonData.PagePrefix, StringComparison.Ordinal) && int.TryParse(data.AsSpan(ButtonData.PagePrefix.Length), out var page))
        {
            state.Page = page;
            AskCurrentField();
            return true;
        }

        if (data.StartsWith(ButtonData.ValuePrefix, StringComparison.Ordinal)
            && field.OptionsFor(context)?.ByCode(data[ButtonData.ValuePrefix.Length..]) is { } chosen)
        {
            Accept(field, chosen.Code, null);
            return true;
        }

        return false;
    }

    private void AnswerField(string text)
    {
        if (CurrentField is not { } field)
        {
            Prompt();
            return;
        }

        var context = Context;
        var options = field.OptionsFor(context);
        if (options?.Match(text) is { } option)
        {
            Accept(field, option.Code, null);
            return;
        }

        if (options is not null && !field.AllowsOtherText)
        {
            output.SayKey("input.notAChoice");
            AskCurrentField();
            return;
        }

        var result = field.Read!(text, context);
        if (!result.IsValid)
        {
            output.Say("⚠️ " + output.F(result.ErrorKey!, result.Args ?? []));
            AskCurrentField();
            return;
        }

        Accept(field, result.Value!, result);
    }

    private void Accept(FieldSpec field, string value, FieldResult? result)
    {
        state.Answers[field.Id] = value;
        state.Skipped?.Remove(field.Id);
        field.OnAnswered?.Invoke(state, value, Context);
        var feedback = "✓ " + output.F("field.saved", output.T(field.LabelKey), DisplayValue(field, value));
        if (result?.NoticeKey is { } notice)
        {
            feedback += "\n" + output.F(notice, result.NoticeArgs ?? []);
        }

        output.Say(feedback);
        AdvanceAfterField();
    }

    private void Skip()
    {
        if (CurrentField is not { Optional: true } field)
        {
            output.SayKey("nav.cannotSkip");
            Prompt();
            return;
        }

        state.Answers.Remove(field.Id);
        (state.Skipped ??= []).Add(field.Id);
        AdvanceAfterField();
    }

    /// <summary>Moves to the next field that applies, or on to the next phase (or back to the review when editing).</summary>
    private void AdvanceAfterField()
    {
        state.Page = 0;
        if (Phase == State.Editing)
        {
            // An edit can make a follow-up field apply (e.g. one name line → full name); ask those before returning.
            var pending = MissingFields().FirstOrDefault();
            if (pending is not null && pending.Id != state.Field)
            {
                state.Field = pending.Id;
                AskCurrentField();
                return;
            }

            state.Field = null;
            machine.Fire(Trigger.EditDone);
            return;
        }

        var fields = PhaseFields(Phase).ToList();
        var index = fields.FindIndex(f => f.Id == state.Field);
        var next = fields.Skip(index + 1).FirstOrDefault();
        if (next is not null)
        {
            state.Field = next.Id;
            AskCurrentField();
            return;
        }

        state.Field = null;
        machine.Fire(Trigger.Next);
    }

    private bool MoveToPreviousField()
    {
        if (Phase == State.Editing)
        {
            return false;
        }

        var fields = PhaseFields(Phase).ToList();
        var index = fields.FindIndex(f => f.Id == state.Field);
        if (index <= 0)
        {
            return false;
        }

        state.Field = fields[index - 1].Id;
        state.Page = 0;
        return true;
    }
}
