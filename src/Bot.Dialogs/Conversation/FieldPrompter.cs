using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

/// <summary>Asks one field: the step header, the question, the school's suggestion, the options (a page at a time) and the navigation row.</summary>
internal sealed class FieldPrompter(TurnContext ctx)
{
    /// <summary>Long lists (25 stations, 22 cities) are shown a page at a time; LINE allows at most 13 quick replies.</summary>
    private const int OptionsPerPage = 8;

    public void Ask(FieldSpec field, bool editing)
    {
        var context = ctx.Fields;
        var output = ctx.Output;
        output.Say(ctx.StepHeader(field.Step) + "\n" + ctx.T(field.AskKey));
        if (editing && ctx.State.Answer(field.Id) is { } previous)
        {
            output.SayKey("field.currentValue", FieldText.Display(field, previous, context, ctx.Language));
        }

        var rows = new List<IReadOnlyList<Choice>>();
        if (Suggestion(field, context) is { } suggestion)
        {
            // The school's value beside the button's marker, in the room the marker leaves.
            var room = ButtonLabels.MaxLength - ButtonLabels.Length(ctx.F("button.useSchool", string.Empty));
            var shown = field.OptionsFor(context)?.Match(suggestion)?.ButtonLabel(ctx.Language, room: room) ?? suggestion;
            rows.Add([new(TurnContext.Shorten(ctx.F("button.useSchool", shown)), ButtonData.SchoolDefault)]);
        }

        if (field.OptionsFor(context) is { } options)
        {
            AddOptionRows(rows, options);
        }

        rows.Add(NavigationRow(field));
        if (field.DateWindow?.Invoke(ctx.Today) is { } window)
        {
            // Editing opens the picker on the current answer.
            var current = editing ? DateRules.Stored(ctx.State.Answer(field.Id)) : null;
            var initial = current is { } date && window.Contains(date) ? date : window.Initial;
            output.PickDate(new DatePick(ctx.T("button.pickDate"), initial, window.Earliest, window.Latest));
        }

        output.Buttons(rows);
    }

    /// <summary>What the student's school profile suggests for the field, if anything.</summary>
    public static string? Suggestion(FieldSpec field, FieldContext context) =>
        context.School is { } school ? field.SchoolDefault?.Invoke(school) : null;

    private void AddOptionRows(List<IReadOnlyList<Choice>> rows, OptionSet options)
    {
        var pages = (options.Options.Count + OptionsPerPage - 1) / OptionsPerPage;
        var paged = options.Options.Count > OptionsPerPage + 2;
        var page = paged ? Math.Clamp(ctx.State.Page, 0, pages - 1) : 0;
        var shown = paged ? options.Options.Skip(page * OptionsPerPage).Take(OptionsPerPage) : options.Options;
        var labels = shown.Select(o => new Choice(o.ButtonLabel(ctx.Language), ButtonData.Value(o.Code))).ToList();

        // Short labels two to a row, long ones alone, so buttons stay readable on a phone.
        var twoPerRow = labels.All(c => c.Label.Length <= 14);
        for (var i = 0; i < labels.Count; i += twoPerRow ? 2 : 1)
        {
            rows.Add(labels.Skip(i).Take(twoPerRow ? 2 : 1).ToArray());
        }

        if (paged)
        {
            rows.Add(Pager(page, pages));
        }
    }

    /// <summary>Previous / more buttons for a list shown a page at a time.</summary>
    public Choice[] Pager(int page, int pages)
    {
        var pager = new List<Choice>(2);
        if (page > 0)
        {
            pager.Add(new(ctx.T("button.previousPage"), ButtonData.Page(page - 1)));
        }

        if (page < pages - 1)
        {
            pager.Add(new(ctx.T("button.nextPage"), ButtonData.Page(page + 1)));
        }

        return [.. pager];
    }

    private Choice[] NavigationRow(FieldSpec field)
    {
        var row = new List<Choice>(3) { new(ctx.T("button.back"), ButtonData.Back) };
        if (field.Optional)
        {
            row.Add(new(ctx.T("button.skip"), ButtonData.Skip));
        }

        row.Add(new(ctx.T("button.help"), ButtonData.Help));
        return [.. row];
    }
}
