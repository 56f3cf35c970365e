using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;
using Bot.Host.Storage;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace Bot.Host.Telegram;

/// <summary>What the mapper made of an update: a turn for a student, a group message to answer with a pointer to the private chat, or nothing.</summary>
public abstract record MappedUpdate
{
    public sealed record Turn(TelegramInbound Inbound) : MappedUpdate;

    public sealed record GroupMention(long ChatId, int MessageId, long UserId, string? LanguageCode) : MappedUpdate;

    public sealed record Ignored : MappedUpdate;
}

/// <summary>Translates Telegram updates into plain inbound records. Knows Telegram; the dialog does not.</summary>
public static class TelegramUpdateMapper
{
    /// <param name="polled">
    /// The update came by getUpdates and stays in memory: its message can be deleted and was never stored, so the dialog
    /// may offer to check a password (<see cref="Inbound.Deletable"/>). Webhook updates are written to the inbox first.
    /// </param>
    public static MappedUpdate Map(Update update, User bot, bool polled = false)
    {
        if (update.CallbackQuery is { Data: { } data, Message: { } pressedOn } query)
        {
            if (pressedOn.Chat.Type != ChatType.Private)
            {
                return new MappedUpdate.Ignored();
            }

            var turn = Turn(update, query.From, pressedOn.Chat.Id, pressedOn.MessageId, Inbound.Button(data, query.From.LanguageCode) with { Deletable = polled }, query.Id, null);
            var copies = pressedOn.ReplyMarkup?.InlineKeyboard.Any(row => row.Any(b => b.CopyText is not null)) == true;
            return copies ? turn : new MappedUpdate.Turn(turn.Inbound with { PressedQuestion = pressedOn.MessageId });
        }

        if (update.Message is not { From: { IsBot: false } from } message)
        {
            return new MappedUpdate.Ignored();
        }

        if (message.Chat.Type != ChatType.Private)
        {
            // A case is discussed only in private. In a group, answer only what is addressed to the bot.
            return IsAddressedTo(message, bot)
                ? new MappedUpdate.GroupMention(message.Chat.Id, message.MessageId, from.Id, from.LanguageCode)
                : new MappedUpdate.Ignored();
        }

        var inbound = ToInbound(message, from.LanguageCode) with { Deletable = polled };
        if (QuotedButtons(message, bot) is { } quoted)
        {
            inbound = inbound with { QuotedButtons = quoted };
        }

        return Turn(update, from, message.Chat.Id, message.MessageId, inbound, null, message.MediaGroupId);
    }

    private static MappedUpdate.Turn Turn(Update update, User from, long chatId, int messageId, Inbound inbound, string? callbackId, string? mediaGroupId) =>
        new(new TelegramInbound(
            new StudentKey("tg", from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            inbound,
            chatId,
            messageId,
            callbackId,
            mediaGroupId));

    private static Inbound ToInbound(Message message, string? language)
    {
        if (message.Text is { } text)
        {
            // A deep link (t.me/<bot>?start=<payload>) arrives as "/start <payload>".
            var inbound = Inbound.FromText(text, language);
            return text.StartsWith("/start ", StringComparison.Ordinal) && text[7..].Trim() is var payload && SchoolLink.IsValidCode(payload)
                ? inbound with { StartPayload = payload }
                : inbound;
        }

        if (message.Photo is { Length: > 0 } sizes)
        {
            // Telegram lists the sizes smallest first; the largest is the one to crop from.
            var largest = sizes.MaxBy(p => (long)p.Width * p.Height)!;
            return Inbound.Files([new UploadRef(largest.FileId, null, "image/jpeg", largest.FileSize, IsPhoto: true)], message.Caption, language);
        }

        if (message.Document is { } document)
        {
            return Inbound.Files([new UploadRef(document.FileId, document.FileName, document.MimeType, document.FileSize, IsPhoto: false)], message.Caption, language);
        }

        return Inbound.Unsupported(message.Type.ToString(), language);
    }

    /// <summary>The callback data of the inline buttons on the bot's message this one replies to, if it is such a reply.</summary>
    private static IReadOnlyList<string>? QuotedButtons(Message message, User bot) =>
        message.ReplyToMessage is { From.Id: var author, ReplyMarkup.InlineKeyboard: { } rows } && author == bot.Id
            ? [.. rows.SelectMany(row => row).Select(button => button.CallbackData).OfType<string>()]
            : null;

    private static bool IsAddressedTo(Message message, User bot)
    {
        if (message.ReplyToMessage?.From?.Id == bot.Id)
        {
            return true;
        }

        var mention = "@" + bot.Username;
        return message.Text?.Contains(mention, StringComparison.OrdinalIgnoreCase) == true
            || message.Caption?.Contains(mention, StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>Several photos sent as one album arrive as separate updates with one media_group_id: make them one step.</summary>
    public static IReadOnlyList<MappedUpdate> MergeAlbums(IReadOnlyList<MappedUpdate> mapped)
    {
        var result = new List<MappedUpdate>(mapped.Count);
        var albums = new Dictionary<(string, string), int>();
        foreach (var item in mapped)
        {
            if (item is MappedUpdate.Turn { Inbound: { MediaGroupId: { } group, Inbound.Uploads: { } uploads } inbound })
            {
                var key = (inbound.Student.ToString(), group);
                if (albums.TryGetValue(key, out var index))
                {
                    var first = ((MappedUpdate.Turn)result[index]).Inbound;
                    var merged = first.Inbound with
                    {
                        Uploads = [.. first.Inbound.Uploads!, .. uploads],
                        Text = first.Inbound.Text ?? inbound.Inbound.Text,
                    };
                    result[index] = new MappedUpdate.Turn(first with { Inbound = merged });
                    continue;
                }

                albums[key] = result.Count;
            }

            result.Add(item);
        }

        return result;
    }
}
