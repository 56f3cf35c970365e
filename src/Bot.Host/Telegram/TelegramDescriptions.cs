using Bot.Dialogs.Messages;
using global::Telegram.Bot;

namespace Bot.Host.Telegram;

/// <summary>
/// Publishes the bot's description (shown in an empty chat: "What can this bot do?") and short description (its profile
/// page, and beside a shared link) in every catalogue language, like <see cref="TelegramCommandMenu"/>: catalogue keys
/// <c>bot.description</c> and <c>bot.shortDescription</c>. Each is read first and set only when it differs, so the
/// rate-limited set calls are spent only after the texts changed (every host does this at every start).
/// </summary>
public static class TelegramDescriptions
{
    /// <summary>Telegram's limits (setMyDescription, setMyShortDescription).</summary>
    public const int MaxDescriptionLength = 512;

    public const int MaxShortDescriptionLength = 120;

    public static async Task PublishAsync(ITelegramBotClient bot, ILogger logger, CancellationToken cancellationToken)
    {
        var catalogue = MessageCatalogue.Default;
        foreach (var (language, languageCode) in TelegramLanguages.Published())
        {
            try
            {
                var description = catalogue.Text(language, "bot.description");
                if ((await bot.GetMyDescription(languageCode, cancellationToken)).Description != description)
                {
                    await bot.SetMyDescription(description, languageCode, cancellationToken);
                }

                var shortDescription = catalogue.Text(language, "bot.shortDescription");
                if ((await bot.GetMyShortDescription(languageCode, cancellationToken)).ShortDescription != shortDescription)
                {
                    await bot.SetMyShortDescription(shortDescription, languageCode, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Only this language's texts are old or missing; the bot works without them. The next start tries again.
                TelegramLog.DescriptionsFailed(logger, languageCode ?? "default", e);
            }
        }
    }
}
