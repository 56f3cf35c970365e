using Microsoft.Extensions.Options;

namespace Bot.Host.Telegram;

/// <summary>
/// The bot's username for links to it: <c>Telegram:BotUsername</c>, else Telegram's own answer to getMe (fetched once and
/// kept by <see cref="TelegramBotUser"/>). Null when neither is known (Telegram off, or not answering right now).
/// </summary>
public sealed class TelegramBotName(IOptions<TelegramOptions> options, IEnumerable<TelegramBotUser> botUser, ILogger<TelegramBotName> logger)
{
    private readonly TelegramBotUser? bot = botUser.FirstOrDefault();

    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BotUsername is { Length: > 0 } configured)
        {
            return configured;
        }

        if (bot is null)
        {
            return null;
        }

        try
        {
            return (await bot.GetAsync(cancellationToken)).Username;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Asked again next time: a failure is not kept.
            TelegramLog.BotNameUnknown(logger, e);
            return null;
        }
    }

    /// <summary>The link that opens the bot with <paramref name="payload"/> as its start parameter.</summary>
    public static string Link(string botUsername, string payload) =>
        $"https://t.me/{Uri.EscapeDataString(botUsername)}?start={Uri.EscapeDataString(payload)}";
}
