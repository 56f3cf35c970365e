using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Dialogs.Messages;

/// <summary>
/// A language the bot speaks, named by the suffix of its catalogue files (dialog.en.json, dialog.vi.json). Which
/// languages exist is read from the catalogues (<see cref="Languages.All"/>): adding one is a catalogue file per area.
/// The default value is English.
/// </summary>
[JsonConverter(typeof(LanguageJsonConverter))]
public readonly struct Language : IEquatable<Language>
{
    private readonly string? code;

    public Language(string code) => this.code = code;

    public static Language English { get; } = new("en");

    /// <summary>The NIA's own language: texts and option labels show the NIA's words without a gloss.</summary>
    public static Language TraditionalChinese { get; } = new("zh-TW");

    public string Code() => code ?? "en";

    public bool Equals(Language other) => string.Equals(Code(), other.Code(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Language other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code());

    public override string ToString() => Code();

    public static bool operator ==(Language left, Language right) => left.Equals(right);

    public static bool operator !=(Language left, Language right) => !left.Equals(right);
}

public static class Languages
{
    /// <summary>Every language with catalogues, English first, then Traditional Chinese, then the others by code.</summary>
    public static IReadOnlyList<Language> All => MessageCatalogue.Default.Languages;

    /// <summary>Suggests a language from a platform hint (Telegram language_code, LINE profile language): the catalogue whose code the hint starts with.</summary>
    public static Language FromHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return Language.English;
        }

        // zh, zh-hant, zh-tw, zh-hk and zh-cn all read Traditional Chinese better than English; "in" is Indonesian's old code.
        var primary = hint.Split('-', '_')[0].ToLowerInvariant() switch
        {
            "in" => "id",
            var p => p,
        };
        return All.FirstOrDefault(l => l.Code().Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase), Language.English);
    }

    /// <summary>The language of a code ("vi", "zh-TW"), or null when the bot has no catalogues for it.</summary>
    public static Language? Find(string? code) =>
        All.Where(l => string.Equals(l.Code(), code, StringComparison.OrdinalIgnoreCase)).Select(l => (Language?)l).FirstOrDefault();
}

/// <summary>Stored as its code; records written before there were more than two languages stored 0 (English) or 1 (Traditional Chinese).</summary>
internal sealed class LanguageJsonConverter : JsonConverter<Language>
{
    public override Language Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt32() == 1 ? Language.TraditionalChinese : Language.English,
        JsonTokenType.String => new Language(reader.GetString() ?? "en"),
        _ => throw new JsonException("A language is a code or a number."),
    };

    public override void Write(Utf8JsonWriter writer, Language value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code());
}
