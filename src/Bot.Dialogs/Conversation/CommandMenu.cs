using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// The commands a platform may list in its command menu (Telegram's "/" menu), in the order shown. Every one of
/// them answers at any step (/summary and /pdf say when there is nothing to summarise yet); the descriptions are
/// "menu.{command}" in the catalogues.
/// </summary>
public static class CommandMenu
{
    public static readonly IReadOnlyList<string> Commands = ["start", "status", "summary", "pdf", "ask", "language", "help", "delete"];

    public static IReadOnlyList<(string Command, string Description)> For(Language language, MessageCatalogue? messages = null) =>
        [.. Commands.Select(c => (c, (messages ?? MessageCatalogue.Default).Text(language, "menu." + c)))];
}
