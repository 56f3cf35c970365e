namespace Bot.Dialogs.Messages;

/// <summary>The languages the bot speaks. The code is the suffix of the catalogue files (dialog.en.json).</summary>
public enum Language
{
    English = 0,
    TraditionalChinese = 1,
}

public static class Languages
{
    public static readonly IReadOnlyList<Language> All = [Language.English, Language.TraditionalChinese];

    public static string Code(this Language language) => language switch
    {
        Language.TraditionalChinese => "zh-TW",
        _ => "en",
    };

    /// <summary>Suggests a language from a platform hint (Telegram language_code, LINE profile language).</summary>
    public static Language FromHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return Language.English;
        }

        // zh, zh-hant, zh-tw, zh-hk and zh-cn all read Traditional Chinese better than English.
        return hint.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.TraditionalChinese : Language.English;
    }
}
