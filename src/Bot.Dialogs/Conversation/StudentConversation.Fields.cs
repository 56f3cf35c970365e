using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

public sealed partial class StudentConversation
{
    /// <summary>Long lists (25 stations, 22 cities) are shown a page at a time; LINE allows at most 13 quick replies.</summary>
    private const int OptionsPerPage = 8;

    private bool IsFieldsPhase => Phase is State.Registering or State.FillingExtension or State.FillingPersonalData or State.Editing;

    private FieldSpec? CurrentField => IsFieldsPhase ? ExtensionForm.Find(state.Field) : null;

    /// <summary>The fields of the current phase that apply to this student, in NIA order.</summary>
    private IEnumerable<FieldSpec> PhaseFields(State phase)
    {
        var steps = StepsOf(phase);
        var context = Context;
        return ExtensionForm.Fields.Where(f => steps.Contains(f.Step) && f.AppliesWhen(context));
    }

    private void EnterFields(State phase, bool fromEnd)
    {
        var fields = PhaseFields(phase).ToList();
        var current = ExtensionForm.Find(state.Field);
        if (current is null || !fields.Contains(current))
        {
            state.Field = (fromEnd ? fields.LastOrDefault() : fields.FirstOrDefault())?.Id;
        }

        state.Page = 0;
        AskCurrentField();
    }

    private void AskCurrentField()
    {
        var field = ExtensionForm.Find(state.Field);
        if (field is null)
        {
            AdvanceAfterField();
            return;
        }

        var context = Context;
        output.Say(StepHeader() + "\n" + output.T(field.AskKey));
        var previous = state.Answer(field.Id);
        if (previous is not null && Phase == State.Editing)
        {
            output.SayKey("field.currentValue", DisplayValue(field, previous));
        }

        var rows = new List<IReadOnlyList<Choice>>();
        var school = context.School;
        var suggestion = school is not null ? field.SchoolDefault?.Invoke(school) : null;
        if (suggestion is not null)
        {
            var shown = field.OptionsFor(context)?.Match(suggestion)?.Label(state.Language) ?? suggestion;
            rows.Add([new(Shorten(output.F("button.useSchool", shown)), ButtonData.SchoolDefault)]);
        }

        if (field.OptionsFor(context) is { } options)
        {
            AddOptionRows(rows, options);
        }

        rows.Add(NavigationRow(field));
        output.Buttons(rows);
    }

    private void AddOptionRows(List<IReadOnlyList<Choice>> rows, OptionSet options)
    {
        var pages = (options.Options.Count + OptionsPerPage - 1) / OptionsPerPage;
        var paged = options.Options.Count > OptionsPerPage + 2;
        var page = paged ? Math.Clamp(state.Page, 0, pages - 1) : 0;
        var shown = paged ? options.Options.Skip(page * OptionsPerPage).Take(OptionsPerPage) : options.Options;
        var labels = shown.Select(o => new Choice(Shorten(o.Label(state.Language)), ButtonData.Value(o.Code))).ToList();

        // Short labels two to a row, long ones alone, so buttons stay readable on a phone.
        var twoPerRow = labels.All(c => c.Label.Length <= 14);
        for (var i = 0; i < labels.Count; i += twoPerRow ? 2 : 1)
        {
            rows.Add(labels.Skip(i).Take(twoPerRow ? 2 : 1).ToArray());
        }

        if (paged)
        {
            var pager = new List<Choice>(2);
            if (page > 0)
            {
                pager.Add(new(output.T("button.previousPage"), ButtonData.Page(page - 1)));
            }

            if (page < pages - 1)
            {
                pager.Add(new(output.T("button.nextPage"), ButtonData.Page(page + 1)));
            }

            rows.Add(pager);
        }
    }

    private Choice[] NavigationRow(FieldSpec field)
    {
        var row = new List<Choice>(3) { new(output.T("button.back"), ButtonData.Back) };
        if (field.Optional)
        {
            row.Add(new(output.T("button.skip"), ButtonData.Skip));
        }

        row.Add(new(output.T("button.help"), ButtonData.Help));
        return [.. row];
    }

    /// <summary>Required fields that apply but have no answer (after an edit changed what applies).</summary>
    private IEnumerable<FieldSpec> MissingFields()
    {
        var context = Context;
        return ExtensionForm.Fields.Where(f => f.AppliesWhen(context) && !f.Optional && state.Answer(f.Id) is null);
    }

    /// <summary>How an answer reads back: options by their label in the student's language, text as typed.</summary>
    private string DisplayValue(FieldSpec field, string value) =>
        field.OptionsFor(Context)?.ByCode(value)?.Label(state.Language) ?? value;

    /// <summary>The NIA's own text for an answer: what the student types or picks on the site.</summary>
    private string NiaValue(FieldSpec field, string value) =>
        field.OptionsFor(Context)?.ByCode(value)?.Value ?? value;

    private string StepHeader() =>
        output.F("progress.step", (int)CurrentStep, (int)FormStep.Review, output.T($"step.{CurrentStep}"));

    /// <summary>Telegram shows about 30 characters of a button; LINE allows 20 in a quick-reply label.</summary>
    private static string Shorten(string label) => label.Length <= 48 ? label : label[..47] + "…";
}
