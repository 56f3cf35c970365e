using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Bot.Dialogs.Messages;

/// <summary>
/// Every text the bot says, one catalogue per language. Each feature ships its own embedded
/// files named <c>feature.{code}.json</c> (flat key → text); all of one language are merged.
/// </summary>
public sealed class MessageCatalogue
{
    public static MessageCatalogue Default { get; } = LoadEmbedded(typeof(MessageCatalogue).Assembly);

    private readonly FrozenDictionary<string, string>[] byLanguage;

    private MessageCatalogue(FrozenDictionary<string, string>[] byLanguage) => this.byLanguage = byLanguage;

    public IReadOnlyCollection<string> Keys(Language language) => byLanguage[(int)language].Keys;

    public bool Has(Language language, string key) => byLanguage[(int)language].ContainsKey(key);

    /// <summary>The text for a key; falls back to English, then to the key itself so a gap is visible, never a crash.</summary>
    public string Text(Language language, string key)
    {
        if (byLanguage[(int)language].TryGetValue(key, out var text))
        {
            return text;
        }

        return byLanguage[(int)Language.English].TryGetValue(key, out var english) ? english : key;
    }

    public string Format(Language language, string key, params object?[] args) =>
        args.Length == 0 ? Text(language, key) : string.Format(CultureInfo.InvariantCulture, Text(language, key), args);

    public static MessageCatalogue LoadEmbedded(Assembly assembly)
    {
        var tables = new FrozenDictionary<string, string>[Languages.All.Count];
        foreach (var language in Languages.All)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            var suffix = "." + language.Code() + ".json";
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(suffix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidDataException($"Message file {name} is empty.");
                foreach (var (key, value) in entries)
                {
                    if (!merged.TryAdd(key, value))
                    {
                        throw new InvalidDataException($"Message key {key} is defined twice for {language.Code()} ({name}).");
                    }
                }
            }

            tables[(int)language] = merged.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new MessageCatalogue(tables);
    }
}
