using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Bot.Dialogs.Messages;

/// <summary>
/// Every text the bot says, one catalogue per language. Each feature ships its own embedded
/// files named <c>feature.{code}.json</c> (flat key → text); all of one language are merged.
/// Texts name their placeholders (<c>{deadline}</c>, <c>{days, plural, one {# day} other {# days}}</c>); code passes the
/// values in the order <c>arguments.json</c> lists for the key, so translators may reorder them freely.
/// </summary>
public sealed partial class MessageCatalogue
{
    private const string ArgumentsFile = ".Messages.arguments.json";

    public static MessageCatalogue Default { get; } = LoadEmbedded(typeof(MessageCatalogue).Assembly);

    private readonly FrozenDictionary<Language, FrozenDictionary<string, string>> byLanguage;

    private MessageCatalogue(Dictionary<Language, FrozenDictionary<string, string>> byLanguage)
    {
        this.byLanguage = byLanguage.ToFrozenDictionary();
        Languages = [.. byLanguage.Keys.OrderBy(l => l == Language.English ? 0 : l == Language.TraditionalChinese ? 1 : 2).ThenBy(l => l.Code(), StringComparer.Ordinal)];
    }

    /// <summary>The languages with catalogues, English first, then Traditional Chinese, then the others by code.</summary>
    public IReadOnlyList<Language> Languages { get; }

    public IReadOnlyCollection<string> Keys(Language language) => Table(language).Keys;

    public bool Has(Language language, string key) => Table(language).ContainsKey(key);

    private FrozenDictionary<string, string> Table(Language language) =>
        byLanguage.TryGetValue(language, out var table) ? table : byLanguage[Language.English];

    /// <summary>The text for a key; falls back to English, then to the key itself so a gap is visible, never a crash.</summary>
    public string Text(Language language, string key)
    {
        if (Table(language).TryGetValue(key, out var text))
        {
            return text;
        }

        return byLanguage[Language.English].TryGetValue(key, out var english) ? english : key;
    }

    /// <summary>The text with its arguments filled in (<see cref="MessageFormat"/>: plural forms, e.g. "1 day" / "3 days").</summary>
    public string Format(Language language, string key, params object?[] args) => MessageFormat.Format(Text(language, key), args);

    /// <summary>Every embedded "{area}.{code}.json" file, merged per language code; the languages are the codes found.</summary>
    public static MessageCatalogue LoadEmbedded(Assembly assembly)
    {
        var merged = new Dictionary<Language, Dictionary<string, string>>();
        var arguments = ReadArguments(assembly);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal) && n.Contains(".Messages.", StringComparison.Ordinal) && !n.EndsWith(ArgumentsFile, StringComparison.Ordinal)))
        {
            var stem = name[..^".json".Length];
            var language = new Language(stem[(stem.LastIndexOf('.') + 1)..]);
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidDataException($"Message file {name} is empty.");
            if (!merged.TryGetValue(language, out var table))
            {
                merged[language] = table = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var (key, value) in entries)
            {
                if (!table.TryAdd(key, Positional(key, value, arguments, language)))
                {
                    throw new InvalidDataException($"Message key {key} is defined twice for {language.Code()} ({name}).");
                }
            }
        }

        if (!merged.ContainsKey(Language.English))
        {
            throw new InvalidDataException("There is no English catalogue to fall back on.");
        }

        return new MessageCatalogue(merged.ToDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal)));
    }
}
