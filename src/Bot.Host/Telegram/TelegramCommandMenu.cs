using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Bot.Host.Telegram;

/// <summary>
/// Publishes the dialog's commands as Telegram's "/" menu: English by default, Traditional Chinese for users whose
/// Telegram is set to Chinese. Done at start, so no one has to type /setcommands into BotFather by hand.
/// </summary>
public static class TelegramCommandMenu
{
    /// <summary>Telegram's language_code is two letters: "zh" covers zh-hant, zh-tw, zh-hk (and zh-cn, who read it too).</summary>
    private const string ChineseCode = "zh";

    public static async Task PublishAsync(ITelegramBotClient bot, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SetMyCommands(Menu(Language.English), cancellationToken: cancellationToken);
            await bot.SetMyCommands(Menu(Language.TraditionalChinese), languageCode: ChineseCode, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the menu is missing: commands still work when typed. The next start tries again.
            TelegramLog.CommandMenuFailed(logger, e);
        }
    }

    private static IEnumerable<BotCommand> Menu(Language language) =>
        CommandMenu.For(language).Select(c => new BotCommand { Command = c.Command, Description = c.Description });
}
