using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Conversation;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Host.Telegram;

/// <summary>
/// Draws the dialog's replies on Telegram: HTML text, inline keyboards, files as documents. Every call goes through
/// <see cref="TelegramFloodControl"/>: messages are paced and a 429 delays them, never drops them.
/// </summary>
public sealed class TelegramReplySender(ITelegramBotClient bot, TelegramFloodControl flood, TelegramAnsweredButtons answered, ILogger<TelegramReplySender> logger)
{
    /// <summary>
    /// Sends what the delivery decided, from the first reply not sent yet (a later attempt after a failure sends only the
    /// rest), recording each one as it goes; the inbound's side effects are done once.
    /// </summary>
    public async Task SendAsync(TelegramInbound inbound, Delivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.EffectsDone)
        {
            if (inbound.CallbackQueryId is { } queryId)
            {
                // Stops the button's spinner; a query can only be answered once and may be too old after a restart.
                await IgnoreBadRequest(() => flood.CallAsync(async ct => { await bot.AnswerCallbackQuery(queryId, cancellationToken: ct); return true; }, cancellationToken));
            }

            if (delivery.Effects.HasFlag(TurnEffects.DeleteInboundMessage) && inbound.MessageId is { } messageId)
            {
                await IgnoreBadRequest(() => flood.CallAsync(async ct => { await bot.DeleteMessage(inbound.ChatId, messageId, ct); return true; }, cancellationToken));
            }

            delivery.EffectsDone = true;
        }

        var replies = delivery.Replies ?? [];
        using var activity = TurnTracing.StartSend(TelegramInboxHandler.ChannelName, replies.Count - delivery.Sent);
        for (var i = delivery.Sent; i < replies.Count; i++)
        {
            var sent = await SendOneAsync(inbound.ChatId, replies[i], cancellationToken);
            if (sent is not null && AsksWithButtons(replies[i]))
            {
                delivery.SentButtons = delivery.SentButtons.Length == 0 ? Id(sent.MessageId) : delivery.SentButtons + "," + Id(sent.MessageId);
            }

            delivery.Sent = i + 1;
        }

        if (!delivery.ButtonsTidied)
        {
            // After the replies, so taking the old buttons away never delays them.
            await answered.TidyAsync(inbound, delivery, cancellationToken);
            delivery.ButtonsTidied = true;
        }
    }

    public Task<Message?> SendOneAsync(long chatId, Reply reply, CancellationToken cancellationToken, bool throwWhenBlocked = false) =>
        SendOneAsync(chatId, reply, throwWhenBlocked, cancellationToken, cancellationToken);

    /// <param name="waitCancellation">Stops waiting for a send slot (nothing has been sent yet).</param>
    /// <param name="sendCancellation">Stops the send itself (once started, Telegram may have delivered it).</param>
    /// <returns>The message as sent; null when the student has blocked the bot.</returns>
    public async Task<Message?> SendOneAsync(long chatId, Reply reply, bool throwWhenBlocked, CancellationToken waitCancellation, CancellationToken sendCancellation)
    {
        var markup = Keyboard(reply);
        try
        {
            return await flood.SendAsync(
                async ct =>
                {
                    if (reply.File is { } file)
                    {
                        using var stream = new MemoryStream(file.Bytes, writable: false);
                        using var preview = file.Preview is null ? null : new MemoryStream(file.Preview, writable: false);
                        return await bot.SendDocument(
                            chatId,
                            InputFile.FromStream(stream, file.FileName),
                            caption: TelegramHtml.Render(reply.Text),
                            parseMode: ParseMode.Html,
                            replyMarkup: markup,
                            thumbnail: preview is null ? null : InputFile.FromStream(preview, "preview.jpg"),
                            cancellationToken: ct);
                    }

                    return await bot.SendMessage(chatId, TelegramHtml.Render(reply.Text), ParseMode.Html, replyMarkup: markup, cancellationToken: ct);
                },
                waitCancellation,
                sendCancellation);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 && !throwWhenBlocked)
        {
            // The student blocked the bot: nothing to deliver; their state is saved.
            TelegramLog.Blocked(logger);
            return null;
        }
    }

    /// <summary>A question's buttons (to take away once answered); a summary page's copy buttons stay for good.</summary>
    private static bool AsksWithButtons(Reply reply) =>
        reply.Section is null && reply.Buttons?.Any(row => row.Any(c => !c.Data.StartsWith(ButtonData.InputPrefix, StringComparison.Ordinal))) == true;

    private static string Id(int messageId) => messageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>In a group, never discuss a case: point to the private chat.</summary>
    public Task PointToPrivateChatAsync(long chatId, int messageId, string botUsername, Language language, CancellationToken cancellationToken)
    {
        var text = MessageCatalogue.Default.Format(language, "group.privateOnly", botUsername);
        return flood.SendAsync(
            ct => bot.SendMessage(
                chatId,
                text,
                replyParameters: new ReplyParameters { MessageId = messageId, AllowSendingWithoutReply = true },
                replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(MessageCatalogue.Default.Text(language, "group.openPrivate"), $"https://t.me/{botUsername}?start=group")),
                cancellationToken: ct),
            cancellationToken,
            cancellationToken);
    }

    /// <summary>
    /// Inline buttons: a summary page's copy buttons first, then the reply's own; camera / photo-library buttons are left
    /// out (Telegram's own attach button does that).
    /// </summary>
    private static InlineKeyboardMarkup? Keyboard(Reply reply)
    {
        var rows = new List<IEnumerable<InlineKeyboardButton>>();
        if (reply.Section is { } section)
        {
            rows.AddRange(TelegramCopyButtons.Rows(section));
        }

        rows.AddRange(reply.Buttons?
            .Select(row => row.Where(c => !c.Data.StartsWith(ButtonData.InputPrefix, StringComparison.Ordinal)).ToList())
            .Where(row => row.Count > 0)
            .Select(row => row.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Data))) ?? []);
        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    private static async Task IgnoreBadRequest(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // "query is too old", "message can't be deleted": cosmetic, never worth failing a turn.
        }
    }
}
