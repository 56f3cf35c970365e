namespace Bot.Dialogs.Forms;

/// <summary>
/// One entry of an NIA drop-down. <see cref="Value"/> is the NIA's own (Chinese) text, which is what the
/// student must pick on the site; <see cref="English"/> is a gloss shown to English speakers beside it.
/// </summary>
public sealed record Option(string Code, string Value, string English)
{
    public string Label(Messages.Language language) =>
        language == Messages.Language.TraditionalChinese || English == Value ? Value : $"{English} · {Value}";
}

/// <summary>A list of options with lookup by code and by what a student might type.</summary>
public sealed class OptionSet(IReadOnlyList<Option> options)
{
    public IReadOnlyList<Option> Options { get; } = options;

    public Option? ByCode(string code) => Options.FirstOrDefault(o => o.Code == code);

    public Option? ByValue(string value) => Options.FirstOrDefault(o => o.Value == value);

    /// <summary>Typed text that names an option (its number in the list, NIA text or English name) counts as choosing it.</summary>
    public Option? Match(string typed)
    {
        var text = typed.Trim();
        if (int.TryParse(text, out var number) && number >= 1 && number <= Options.Count)
        {
            return Options[number - 1];
        }

        var normalized = text.Replace('台', '臺');
        return Options.FirstOrDefault(o => string.Equals(o.Value, normalized, StringComparison.Ordinal)
                || string.Equals(o.English, text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(o.Code, text, StringComparison.OrdinalIgnoreCase))
            ?? Options.FirstOrDefault(o => text.Length >= 3 && (o.English.StartsWith(text, StringComparison.OrdinalIgnoreCase) || o.Value.StartsWith(normalized, StringComparison.Ordinal)));
    }
}
