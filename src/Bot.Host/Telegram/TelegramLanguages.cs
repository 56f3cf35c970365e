using Bot.Dialogs.Messages;

namespace Bot.Host.Telegram;

/// <summary>Which catalogue Telegram shows for which language_code of its users: the "/" menu and the bot's descriptions.</summary>
internal static class TelegramLanguages
{
    /// <summary>
    /// English as the default (no language code), then each other catalogue under Telegram's two-letter code: "zh-TW" as
    /// "zh" (zh-hant, zh-tw, zh-hk and zh-cn users all read it), "vi", "id". The first catalogue of a code wins; a
    /// catalogue named otherwise keeps the default (Telegram takes two-letter ISO 639-1 codes only).
    /// </summary>
    public static IEnumerable<(Language Language, string? LanguageCode)> Published()
    {
        yield return (Language.English, null);
        foreach (var sameCode in Languages.All.Where(l => l != Language.English).GroupBy(l => l.Code().Split('-')[0].ToLowerInvariant()))
        {
            if (sameCode.Key.Length == 2)
            {
                yield return (sameCode.First(), sameCode.Key);
            }
        }
    }
}
