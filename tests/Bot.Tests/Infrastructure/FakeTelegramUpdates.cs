using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// What users do, as the Update JSON Telegram would deliver. Each Enqueue* queues one update with the
/// next update_id and returns that id; user messages take the chat's next message_id as on Telegram.
/// </summary>
public sealed partial class FakeTelegramServer
{
    public long EnqueueText(long userId, string text, string? languageCode = "en") =>
        EnqueueMessage(userId, userId, languageCode, m => m["text"] = text);

    /// <summary>A text sent as a reply to the bot's message <paramref name="botMessageId"/> (Telegram's swipe to reply): it carries that message.</summary>
    public long EnqueueReply(long userId, int botMessageId, string text)
    {
        JsonObject quoted;
        lock (_gate)
        {
            quoted = _botMessages.GetValueOrDefault((userId, botMessageId))?.DeepClone().AsObject()
                ?? throw new InvalidOperationException($"The bot sent no message {botMessageId} to {userId}.");
        }

        return EnqueueMessage(userId, userId, "en", m =>
        {
            m["text"] = text;
            m["reply_to_message"] = quoted;
        });
    }

    /// <summary>"/start payload" with the bot_command entity Telegram adds; <paramref name="command"/> may omit the slash.</summary>
    public long EnqueueCommand(long userId, string command, string? arguments = null, string? languageCode = "en")
    {
        var name = command.StartsWith('/') ? command : "/" + command;
        return EnqueueMessage(userId, userId, languageCode, m =>
        {
            m["text"] = arguments is null ? name : $"{name} {arguments}";
            m["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = name.Length, ["type"] = "bot_command" });
        });
    }

    /// <summary>A text in a group chat; <paramref name="groupChatId"/> is negative as Telegram's group ids are.</summary>
    public long EnqueueGroupText(long groupChatId, long userId, string text, string? languageCode = "en") =>
        EnqueueMessage(groupChatId, userId, languageCode, m => m["text"] = text);

    /// <summary>A press on an inline button of the bot's message <paramref name="messageId"/>.</summary>
    public long EnqueueCallback(long userId, int messageId, string data, string? languageCode = "en")
    {
        var queryId = $"{userId}{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        JsonObject message;
        lock (_gate)
        {
            _openCallbackQueries.Add(queryId);
            message = _botMessages.GetValueOrDefault((userId, messageId))?.DeepClone().AsObject()
                ?? new JsonObject { ["message_id"] = messageId, ["from"] = BotUser(), ["chat"] = Chat(userId), ["date"] = UnixNow };
        }
        return EnqueueRaw(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = queryId,
                ["from"] = User(userId, languageCode),
                ["message"] = message,
                ["chat_instance"] = $"{userId * 7919}",
                ["data"] = data,
            },
        });
    }

    /// <summary>A photo; the bytes become downloadable and the message carries several PhotoSize entries.</summary>
    public long EnqueuePhoto(long userId, byte[] jpeg, string? mediaGroupId = null, string? caption = null)
    {
        var photo = PhotoSizes(_files.Add(jpeg, "photos", mimeType: "image/jpeg"));
        return EnqueueMessage(userId, userId, "en", m =>
        {
            m["photo"] = photo;
            if (mediaGroupId is not null)
            {
                m["media_group_id"] = mediaGroupId;
            }
            if (caption is not null)
            {
                m["caption"] = caption;
            }
        });
    }

    public long EnqueueDocument(long userId, byte[] bytes, string fileName, string mimeType, string? caption = null)
    {
        var document = DocumentJson(_files.Add(bytes, "documents", fileName, mimeType));
        return EnqueueMessage(userId, userId, "en", m =>
        {
            m["document"] = document;
            if (caption is not null)
            {
                m["caption"] = caption;
            }
        });
    }

    public long EnqueueSticker(long userId, string emoji = "👍")
    {
        var file = _files.Add([0x52, 0x49, 0x46, 0x46], "stickers", mimeType: "image/webp");
        return EnqueueMessage(userId, userId, "en", m => m["sticker"] = new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = emoji,
            ["file_size"] = file.Bytes.Length,
        });
    }

    public long EnqueueVoice(long userId, byte[] ogg, int durationSeconds = 2)
    {
        var file = _files.Add(ogg, "voice", mimeType: "audio/ogg");
        return EnqueueMessage(userId, userId, "en", m => m["voice"] = new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["duration"] = durationSeconds,
            ["mime_type"] = "audio/ogg",
            ["file_size"] = ogg.Length,
        });
    }

    public long EnqueueLocation(long userId, double latitude, double longitude) =>
        EnqueueMessage(userId, userId, "en", m => m["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude });

    /// <summary>Queues any update as given; its update_id is replaced by the next one.</summary>
    public long EnqueueRaw(JsonObject update)
    {
        lock (_gate)
        {
            var id = ++_nextUpdateId;
            update["update_id"] = id;
            _pending.Add(update);
            SignalChange();
            return id;
        }
    }

    private long EnqueueMessage(long chatId, long userId, string? languageCode, Action<JsonObject> content)
    {
        var message = new JsonObject
        {
            ["message_id"] = NextMessageId(chatId),
            ["from"] = User(userId, languageCode),
            ["chat"] = Chat(chatId),
            ["date"] = UnixNow,
        };
        content(message);
        return EnqueueRaw(new JsonObject { ["message"] = message });
    }

    private static JsonObject User(long userId, string? languageCode)
    {
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = $"User{userId}" };
        if (languageCode is not null)
        {
            user["language_code"] = languageCode;
        }
        return user;
    }
}
