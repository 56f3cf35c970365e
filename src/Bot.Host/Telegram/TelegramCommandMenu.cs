using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Bot.Host.Telegram;

/// <summary>
/// Publishes the dialog's commands as Telegram's "/" menu: English by default, and one menu per other language the
/// catalogues have, for users whose Telegram is set to it. Done at start, so no one has to type /setcommands into
/// BotFather by hand; a language added to the catalogues gets its menu with no change here.
/// </summary>
public static class TelegramCommandMenu
{
    public static async Task PublishAsync(ITelegramBotClient bot, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var (language, languageCode) in TelegramLanguages.Published())
        {
            try
            {
                await bot.SetMyCommands(Menu(language), languageCode: languageCode, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Only this language's menu is missing: commands still work when typed. The next start tries again.
                TelegramLog.CommandMenuFailed(logger, e);
            }
        }
    }

    private static IEnumerable<BotCommand> Menu(Language language) =>
        CommandMenu.For(language).Select(c => new BotCommand { Command = c.Command, Description = c.Description });
}
