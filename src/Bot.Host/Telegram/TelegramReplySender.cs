using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Host.Telegram;

/// <summary>Draws the dialog's replies on Telegram: HTML text, inline keyboards, files as documents.</summary>
public sealed class TelegramReplySender(ITelegramBotClient bot, ILogger<TelegramReplySender> logger)
{
    public async Task SendAsync(TelegramInbound inbound, IReadOnlyList<Reply> replies, TurnEffects effects, CancellationToken cancellationToken)
    {
        if (inbound.CallbackQueryId is { } queryId)
        {
            // Stops the button's spinner; a query can only be answered once and may be too old after a restart.
            await IgnoreBadRequest(() => bot.AnswerCallbackQuery(queryId, cancellationToken: cancellationToken));
        }

        if (effects.HasFlag(TurnEffects.DeleteInboundMessage) && inbound.MessageId is { } messageId)
        {
            await IgnoreBadRequest(() => bot.DeleteMessage(inbound.ChatId, messageId, cancellationToken));
        }

        foreach (var reply in replies)
        {
            await SendOneAsync(inbound.ChatId, reply, cancellationToken);
        }
    }

    public async Task SendOneAsync(long chatId, Reply reply, CancellationToken cancellationToken, bool throwWhenBlocked = false)
    {
        var markup = Keyboard(reply.Buttons);
        try
        {
            if (reply.File is { } file)
            {
                using var stream = new MemoryStream(file.Bytes, writable: false);
                using var preview = file.Preview is null ? null : new MemoryStream(file.Preview, writable: false);
                await bot.SendDocument(
                    chatId,
                    InputFile.FromStream(stream, file.FileName),
                    caption: TelegramHtml.Render(reply.Text),
                    parseMode: ParseMode.Html,
                    replyMarkup: markup,
                    thumbnail: preview is null ? null : InputFile.FromStream(preview, "preview.jpg"),
                    cancellationToken: cancellationToken);
                return;
            }

            await bot.SendMessage(chatId, TelegramHtml.Render(reply.Text), ParseMode.Html, replyMarkup: markup, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 && !throwWhenBlocked)
        {
            // The student blocked the bot: nothing to deliver; their state is saved.
            TelegramLog.Blocked(logger);
        }
    }

    /// <summary>In a group, never discuss a case: point to the private chat.</summary>
    public Task PointToPrivateChatAsync(long chatId, int messageId, string botUsername, string? languageCode, CancellationToken cancellationToken)
    {
        var language = Languages.FromHint(languageCode);
        var text = MessageCatalogue.Default.Format(language, "group.privateOnly", botUsername);
        return bot.SendMessage(
            chatId,
            text,
            replyParameters: new ReplyParameters { MessageId = messageId, AllowSendingWithoutReply = true },
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(MessageCatalogue.Default.Text(language, "group.openPrivate"), $"https://t.me/{botUsername}?start=group")),
            cancellationToken: cancellationToken);
    }

    /// <summary>Inline buttons; camera / photo-library buttons are left out (Telegram's own attach button does that).</summary>
    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<Choice>>? rows)
    {
        var kept = rows?
            .Select(row => row.Where(c => !c.Data.StartsWith(ButtonData.InputPrefix, StringComparison.Ordinal)).ToList())
            .Where(row => row.Count > 0)
            .ToList();
        return kept is not { Count: > 0 } ? null : new InlineKeyboardMarkup(kept.Select(row => row.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Data))));
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
