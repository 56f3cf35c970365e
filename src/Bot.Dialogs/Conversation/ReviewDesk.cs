using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

/// <summary>Step 9: every answer numbered for a last check, what is still missing, and the way to change one.</summary>
internal sealed class ReviewDesk(TurnContext ctx, IConversationMoves moves, FormWalker walker)
{
    private const int EditChoicesPerPage = 10;

    private readonly FieldPrompter prompter = new(ctx);

    public void Show()
    {
        var context = ctx.Fields;
        ctx.Output.Say(ctx.StepHeader(FormStep.Review) + "\n" + ctx.T("review.intro"));
        var lines = new List<string>();
        var number = 0;
        foreach (var field in ctx.Application.Fields.Where(f => f.Reviewed && IsShown(f, context)))
        {
            number++;
            var value = ctx.State.Answer(field.Id);
            var shown = value is not null
                ? FieldText.Display(field, value, context, ctx.Language)
                : ctx.State.IsSkipped(field.Id) || field.Optional ? ctx.T("review.skipped") : ctx.T("review.missing");
            lines.Add($"{number}. {ctx.T(field.LabelKey)}: {shown}");
        }

        ctx.Output.Say(string.Join('\n', lines));
        var missing = walker.Missing().ToList();
        var rows = new List<IReadOnlyList<Choice>>();
        if (missing.Count == 0)
        {
            rows.Add([new(ctx.T("button.reviewOk"), ButtonData.ReviewOk)]);
        }
        else
        {
            ctx.Output.SayKey("review.missingFields", string.Join(", ", missing.Select(f => ctx.T(f.LabelKey))));
        }

        rows.Add([new(ctx.T("button.reviewEdit"), ButtonData.ReviewEdit)]);
        rows.Add([new(ctx.T("button.back"), ButtonData.Back), new(ctx.T("button.help"), ButtonData.Help)]);
        ctx.Output.Buttons(rows);
    }

    /// <summary>A field is shown when it is asked, or when another answer filled it (the school's address, a one-line name).</summary>
    public bool IsShown(FieldSpec field, FieldContext context) => field.AppliesWhen(context) || ctx.State.Answer(field.Id) is not null;

    public bool Accepts(string data) =>
        data is ButtonData.ReviewOk or ButtonData.ReviewEdit
        || data.StartsWith(ButtonData.PagePrefix, StringComparison.Ordinal)
        || (data.StartsWith(ButtonData.EditPrefix, StringComparison.Ordinal) && ctx.Application.Find(data[ButtonData.EditPrefix.Length..]) is { Editable: true });

    public void Press(string data)
    {
        if (data == ButtonData.ReviewOk)
        {
            Confirm();
        }
        else if (data.StartsWith(ButtonData.EditPrefix, StringComparison.Ordinal))
        {
            moves.Edit(data[ButtonData.EditPrefix.Length..]);
        }
        else
        {
            ctx.State.Page = data.StartsWith(ButtonData.PagePrefix, StringComparison.Ordinal)
                && int.TryParse(data.AsSpan(ButtonData.PagePrefix.Length), out var page) ? page : 0;
            AskWhichField();
        }
    }

    /// <summary>All correct: on to the summary, unless something required is still missing (then that is asked).</summary>
    public void Confirm()
    {
        if (walker.Missing().FirstOrDefault() is { } missing)
        {
            moves.Edit(missing.Id);
            return;
        }

        moves.Finish();
    }

    private void AskWhichField()
    {
        var context = ctx.Fields;
        var editable = ctx.Application.Fields.Where(f => f.Editable && f.AppliesWhen(context)).ToList();
        var pages = (editable.Count + EditChoicesPerPage - 1) / EditChoicesPerPage;
        var page = Math.Clamp(ctx.State.Page, 0, pages - 1);
        var rows = editable.Skip(page * EditChoicesPerPage).Take(EditChoicesPerPage)
            .Select(f => new Choice(TurnContext.Shorten(ctx.T(f.LabelKey)), ButtonData.Edit(f.Id)))
            .Chunk(2)
            .Select(c => (IReadOnlyList<Choice>)c)
            .ToList();
        if (prompter.Pager(page, pages) is { Length: > 0 } pager)
        {
            rows.Add(pager);
        }

        ctx.Output.SayKey("review.whichField");
        ctx.Output.Buttons(rows);
    }
}
