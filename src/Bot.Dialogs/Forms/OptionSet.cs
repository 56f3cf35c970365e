namespace Bot.Dialogs.Forms;

/// <summary>
/// One entry of an NIA drop-down. <see cref="Value"/> is the NIA's own (Chinese) text, which is what the student must
/// pick on the site; beside it readers of other languages see a gloss: <c>option.{set}.{code}</c> in their catalogue,
/// else <see cref="English"/>.
/// </summary>
public sealed record Option(string Code, string Value, string English)
{
    /// <summary>The name of the list it belongs to, for its gloss's key (set by <see cref="OptionSet"/>).</summary>
    public string Set { get; init; } = string.Empty;

    /// <summary>The NIA's words, with the gloss in the student's language before them ("Master · 碩士", "Thạc sĩ · 碩士").</summary>
    public string Label(Messages.Language language, Messages.MessageCatalogue? messages = null)
    {
        if (language == Messages.Language.TraditionalChinese)
        {
            return Value;
        }

        var gloss = Gloss(language, messages);
        return gloss == Value ? Value : $"{gloss} · {Value}";
    }

    /// <summary>The same on a button (at most <see cref="Conversation.ButtonLabels.MaxLength"/> characters): the gloss alone when both do not fit.</summary>
    public string ButtonLabel(Messages.Language language, Messages.MessageCatalogue? messages = null, int room = Conversation.ButtonLabels.MaxLength) =>
        language == Messages.Language.TraditionalChinese ? Value : Conversation.ButtonLabels.WithNiaWords(Gloss(language, messages), Value, room);

    /// <summary>The option's name in <paramref name="language"/>: its catalogue gloss, else <see cref="English"/>.</summary>
    public string Gloss(Messages.Language language, Messages.MessageCatalogue? messages = null)
    {
        var catalogue = messages ?? Messages.MessageCatalogue.Default;
        var key = $"option.{Set}.{Code}";
        return catalogue.Has(language, key) ? catalogue.Text(language, key) : English;
    }
}

/// <summary>A named list of options with lookup by code and by what a student might type.</summary>
public sealed class OptionSet(string name, IReadOnlyList<Option> options)
{
    public string Name { get; } = name;

    public IReadOnlyList<Option> Options { get; } = [.. options.Select(o => o with { Set = name })];

    public Option? ByCode(string code) => Options.FirstOrDefault(o => o.Code == code);

    public Option? ByValue(string value) => Options.FirstOrDefault(o => o.Value == value);

    /// <summary>
    /// Typed text that names an option counts as choosing it: its number in the list, the NIA text, the English name,
    /// or its name in the student's <paramref name="language"/> (accents optional: "viet nam" is "Việt Nam"); the start of a
    /// name (3 characters or more) when only one option begins so.
    /// </summary>
    public Option? Match(string typed, Messages.Language? language = null, Messages.MessageCatalogue? messages = null)
    {
        var text = typed.Trim();
        if (int.TryParse(text, out var number) && number >= 1 && number <= Options.Count)
        {
            return Options[number - 1];
        }

        var normalized = text.Replace('台', '臺');
        var folded = Messages.TypedText.Fold(text);
        IEnumerable<string> Names(Option o) => language is { } l && l != Messages.Language.English
            ? [Messages.TypedText.Fold(o.English), Messages.TypedText.Fold(o.Gloss(l, messages))]
            : [Messages.TypedText.Fold(o.English)];

        var exact = Options.FirstOrDefault(o => string.Equals(o.Value, normalized, StringComparison.Ordinal)
            || string.Equals(o.Code, text, StringComparison.OrdinalIgnoreCase)
            || Names(o).Contains(folded, StringComparer.Ordinal));
        if (exact is not null || text.Length < 3)
        {
            return exact;
        }

        var starting = Options.Where(o => o.Value.StartsWith(normalized, StringComparison.Ordinal)
            || Names(o).Any(n => n.StartsWith(folded, StringComparison.Ordinal))).Take(2).ToList();
        return starting.Count == 1 ? starting[0] : null;
    }
}
