namespace Bot.Dialogs.Messages;

/// <summary>
/// What students type for a button or an event, in any language the bot speaks (catalogue keys <c>words.*</c>, each a
/// "|"-separated list): a student may write English in a Vietnamese chat, so every language's words count. Both sides
/// are compared folded (<see cref="TypedText.Fold"/>), so accents typed another way, or not at all, still match.
/// </summary>
public sealed class Words(MessageCatalogue messages)
{
    private readonly Dictionary<string, string[]> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public static Words Default { get; } = new(MessageCatalogue.Default);

    /// <summary>True when <paramref name="text"/> is one of the words of <paramref name="key"/>.</summary>
    public bool Is(string key, string text) => Of(key).Contains(TypedText.Fold(text.Trim()), StringComparer.Ordinal);

    /// <summary>True when <paramref name="text"/> contains one of the phrases of <paramref name="key"/>.</summary>
    public bool Mentions(string key, string text)
    {
        var folded = TypedText.Fold(text);
        return Of(key).Any(phrase => folded.Contains(phrase, StringComparison.Ordinal));
    }

    /// <summary>Every word of <paramref name="key"/> in every language, folded.</summary>
    public IReadOnlyList<string> All(string key) => Of(key);

    private string[] Of(string key)
    {
        lock (gate)
        {
            if (!cache.TryGetValue(key, out var words))
            {
                words = [.. messages.Languages
                    .Where(l => messages.Has(l, key))
                    .SelectMany(l => messages.Text(l, key).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Select(TypedText.Fold)
                    .Distinct(StringComparer.Ordinal)];
                cache[key] = words;
            }

            return words;
        }
    }
}
