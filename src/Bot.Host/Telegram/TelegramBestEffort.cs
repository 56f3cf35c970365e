using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telegram;

/// <summary>
/// Calls that only show something: the "typing…" / "sending photo…" status, and taking an answered question's buttons
/// away. Each goes once, now or never: not while Telegram has paused the bot, not (for an edit, which Telegram counts
/// like a message) when a reply is waiting for a send slot; one short attempt on its own HTTP client, never retried; a
/// failure (429, 5xx, a message too old to edit) is logged at debug level and forgotten. So they never delay or lose a
/// real reply, and a student's next turn never waits for them.
/// </summary>
public sealed class TelegramBestEffort(IHttpClientFactory http, IOptions<TelegramOptions> options, TelegramFloodControl flood, ILogger<TelegramBestEffort> logger)
{
    private readonly TelegramBotClient bot = new(
        new TelegramBotClientOptions(options.Value.BotToken!, options.Value.ApiBaseUrl.TrimEnd('/')) { RetryCount = 0 },
        http.CreateClient(TelegramHttp.BestEffortClientName));

    /// <summary>Shows <paramref name="action"/> in the chat (Telegram clears it after 5 s, or when the bot's next message arrives).</summary>
    public Task<bool> ShowActionAsync(long chatId, ChatAction action, CancellationToken cancellationToken) =>
        TryAsync(message: false, ct => bot.SendChatAction(chatId, action, cancellationToken: ct), "sendChatAction", cancellationToken);

    /// <summary>Edits the buttons away from the bot's message (an empty inline keyboard).</summary>
    public Task<bool> RemoveButtonsAsync(long chatId, int messageId, CancellationToken cancellationToken) =>
        TryAsync(message: true, ct => bot.EditMessageReplyMarkup(chatId, messageId, InlineKeyboardMarkup.Empty(), cancellationToken: ct), "editMessageReplyMarkup", cancellationToken);

    private async Task<bool> TryAsync(bool message, Func<CancellationToken, Task> call, string method, CancellationToken cancellationToken)
    {
        if (!flood.TryTakeNow(message))
        {
            TelegramLog.BestEffortSkipped(logger, method);
            return false;
        }

        try
        {
            await call(cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.BestEffortFailed(logger, method, e);
            return false;
        }
    }
}
