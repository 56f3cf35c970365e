using Bot.Dialogs.Applications;
using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>Step 1: the language, then which item of the NIA menu 線上申辦 the student needs (or a question or two when unsure).</summary>
internal sealed class ApplicationChooser(TurnContext ctx, IConversationMoves moves)
{
    public void AskLanguage()
    {
        // In the guessed language and in English: the student may not read the language we guessed. Every language is
        // offered in its own name, the guessed one first.
        ctx.Output.SayKey("language.ask");
        var messages = ctx.Settings.Messages;
        var choices = messages.Languages
            .OrderBy(l => l == ctx.Language ? 0 : 1)
            .Select(l => new Choice(messages.Text(l, "language.name"), ButtonData.LanguagePrefix + l.Code()))
            .ToList();
        ctx.Output.Buttons([.. choices.Chunk(2).Select(row => (IReadOnlyList<Choice>)row)]);
    }

    /// <summary>The language a button or a typed answer names: its code ("vi", "zh"), its own name, or 中 for Chinese.</summary>
    public Language? ParseLanguage(string text)
    {
        var typed = text.Trim();
        var messages = ctx.Settings.Messages;
        return typed.Contains('中', StringComparison.Ordinal) ? Language.TraditionalChinese
            : messages.Languages.Where(l => typed.Equals(messages.Text(l, "language.name"), StringComparison.OrdinalIgnoreCase)
                    || typed.StartsWith(l.Code().Split('-')[0], StringComparison.OrdinalIgnoreCase))
                .Select(l => (Language?)l).FirstOrDefault();
    }

    /// <summary>A language typed instead of pressed ("中文", "English", "zh", "Tiếng Việt").</summary>
    public void ReadLanguage(string text)
    {
        if (ParseLanguage(text) is { } chosen)
        {
            moves.ChooseLanguage(chosen);
        }
        else
        {
            AskLanguage();
        }
    }

    public void Ask()
    {
        // The NIA's own menu names in full (the buttons have room for 20 characters only): what to look for on the site.
        ctx.Output.Say(ctx.T("application.ask") + "\n" + string.Join('\n', ApplicationCatalogue.All.Select(a =>
            ctx.Language == Language.TraditionalChinese ? "• " + a.MenuItem : $"• {ctx.T(a.NameKey)}: {a.MenuItem}")));
        var rows = ApplicationCatalogue.All
            .Select(a => (IReadOnlyList<Choice>)[new Choice(Label(a), ButtonData.Value(a.Code))])
            .ToList();
        rows.Add([new(ctx.T("button.unsure"), ButtonData.Unsure)]);
        ctx.Output.Buttons(rows);
    }

    /// <summary>The NIA's words, with the bot's name for it beside them for readers of other languages, where a button has room.</summary>
    private string Label(ApplicationDefinition application) =>
        ctx.Language == Language.TraditionalChinese
            ? ButtonLabels.Fits(application.MenuItem) ? application.MenuItem : ctx.T(application.NameKey)
            : ButtonLabels.WithNiaWords(ctx.T(application.NameKey), application.MenuItem);

    public static bool Accepts(string data) =>
        data == ButtonData.Unsure
        || (data.StartsWith(ButtonData.ValuePrefix, StringComparison.Ordinal) && ApplicationCatalogue.Find(data[ButtonData.ValuePrefix.Length..]) is not null);

    public void Press(string data)
    {
        if (data == ButtonData.Unsure)
        {
            moves.HelpChoose();
            return;
        }

        moves.Choose(ApplicationCatalogue.Find(data[ButtonData.ValuePrefix.Length..])!);
    }

    /// <summary>An application typed: its number in the menu, the NIA's words, the bot's name or its code.</summary>
    public void Read(string text)
    {
        var typed = text.Trim();
        var all = ApplicationCatalogue.All;
        var chosen = int.TryParse(typed, out var number) && number >= 1 && number <= all.Count
            ? all[number - 1]
            : all.FirstOrDefault(a => string.Equals(a.Code, typed, StringComparison.OrdinalIgnoreCase)
                || a.MenuItem.StartsWith(typed.Replace('台', '臺'), StringComparison.Ordinal) && typed.Length >= 2
                || string.Equals(ctx.T(a.NameKey), typed, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            ctx.Output.SayKey("input.notAChoice");
            Ask();
            return;
        }

        moves.Choose(chosen);
    }

    /// <summary>Starting over: the application and every answer are cleared (the language stays).</summary>
    public void Reset()
    {
        var state = ctx.State;
        state.Answers.Clear();
        state.Skipped = null;
        state.Uploads = null;
        state.Field = null;
        state.ApplicationKind = null;
        state.ReceiptNumber = null;
        state.Case = null;
        ctx.Output.SayKey("startOver.done");
    }

    /// <summary>The application is chosen: what it is, its deadline and duties, then the account registration.</summary>
    public void Start(ApplicationDefinition application)
    {
        ctx.State.ApplicationKind = application.Code;
        ctx.Output.SayKey(application.IntroKey);
        ctx.Output.SayKey("application.duties");
        ctx.Output.SayKey("register.intro");
    }
}
