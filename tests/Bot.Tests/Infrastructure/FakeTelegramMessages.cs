using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>Text messages, edits, deletes and callback answers, with the errors Telegram gives for each.</summary>
public sealed partial class FakeTelegramServer
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private readonly Dictionary<long, int> _lastMessageId = [];
    private readonly Dictionary<(long Chat, int Id), JsonObject> _botMessages = [];
    private readonly HashSet<(long Chat, int Id)> _deleted = [];
    private readonly HashSet<string> _openCallbackQueries = [];
    private readonly Dictionary<string, JsonArray> _commands = [];

    /// <summary>The chat actions this chat was shown, oldest first ("typing", "upload_photo"…).</summary>
    public IReadOnlyList<string> ChatActions(long chatId) =>
        [.. Activity(chatId).Where(c => c.Method == "sendChatAction").Select(c => (string)c.Parameters["action"]!)];

    /// <summary>The commands of the last setMyCommands for this language_code (null: the default list), null before any.</summary>
    public JsonArray? CommandsFor(string? languageCode = null)
    {
        lock (_gate)
        {
            return _commands.GetValueOrDefault(languageCode ?? string.Empty)?.DeepClone().AsArray();
        }
    }

    /// <summary>The bot's message as it stands now (after edits), null if unknown or deleted.</summary>
    public JsonObject? BotMessage(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _botMessages.GetValueOrDefault((chatId, messageId))?.DeepClone().AsObject();
        }
    }

    private ApiReply SendMessage(ApiRequest request)
    {
        var message = NewBotMessage(request.Long("chat_id")!.Value, request);
        message["text"] = request.String("text");
        CopyIfPresent(request, message, "entities");
        return Store(message);
    }

    private ApiReply EditMessageText(ApiRequest request) => Edit(request, (stored, message) =>
    {
        if (!stored.ContainsKey("text"))
        {
            return "there is no text in the message to edit";
        }
        message["text"] = request.String("text");
        return null;
    });

    private ApiReply EditMessageReplyMarkup(ApiRequest request) => Edit(request, (_, _) => null);

    /// <summary>Shared edit rules: message must exist, must change, and a missing reply_markup removes the keyboard.</summary>
    private ApiReply Edit(ApiRequest request, Func<JsonObject, JsonObject, string?> apply)
    {
        if (request.String("inline_message_id") is not null)
        {
            return ApiReply.Ok(true);
        }
        if (request.Long("chat_id") is not { } chatId || request.Long("message_id") is not { } id)
        {
            return ApiReply.BadRequest("message identifier is not specified");
        }
        lock (_gate)
        {
            if (!_botMessages.TryGetValue((chatId, (int)id), out var stored))
            {
                return ApiReply.BadRequest("message to edit not found");
            }
            var edited = stored.DeepClone().AsObject();
            if (apply(stored, edited) is { } problem)
            {
                return ApiReply.BadRequest(problem);
            }
            edited.Remove("reply_markup");
            if (InlineMarkup(request) is { } markup)
            {
                edited["reply_markup"] = markup;
            }
            edited.Remove("edit_date");
            var unchanged = JsonNode.DeepEquals(WithoutEditDate(stored), edited);
            if (unchanged)
            {
                return ApiReply.BadRequest(NotModified);
            }
            edited["edit_date"] = UnixNow;
            _botMessages[(chatId, (int)id)] = edited;
            return ApiReply.Message(edited.DeepClone().AsObject());
        }
    }

    private ApiReply DeleteMessage(ApiRequest request)
    {
        var key = (request.Long("chat_id")!.Value, (int)request.Long("message_id")!.Value);
        lock (_gate)
        {
            var exists = key.Item2 > 0 && key.Item2 <= _lastMessageId.GetValueOrDefault(key.Item1) && !_deleted.Contains(key);
            if (!exists)
            {
                return ApiReply.BadRequest("message to delete not found");
            }
            _deleted.Add(key);
            _botMessages.Remove(key);
            return ApiReply.Ok(true) with { MessageId = key.Item2 };
        }
    }

    private ApiReply AnswerCallbackQuery(ApiRequest request)
    {
        lock (_gate)
        {
            // Each query can be answered once; an unknown or answered id is "too old" on Telegram.
            return _openCallbackQueries.Remove(request.String("callback_query_id") ?? string.Empty)
                ? ApiReply.Ok(true)
                : ApiReply.BadRequest("query is too old and response timeout expired or query ID is invalid");
        }
    }

    private ApiReply SetMyCommands(ApiRequest request)
    {
        lock (_gate)
        {
            _commands[request.String("language_code") ?? string.Empty] = request.Parameters["commands"]?.DeepClone().AsArray() ?? [];
            SignalChange();
        }
        return ApiReply.Ok(true);
    }

    private JsonObject NewBotMessage(long chatId, ApiRequest request)
    {
        var message = new JsonObject
        {
            ["message_id"] = NextMessageId(chatId),
            ["from"] = BotUser(),
            ["chat"] = Chat(chatId),
            ["date"] = UnixNow,
        };
        if (InlineMarkup(request) is { } markup)
        {
            message["reply_markup"] = markup;
        }
        return message;
    }

    private ApiReply Store(JsonObject message)
    {
        lock (_gate)
        {
            _botMessages[((long)message["chat"]!["id"]!, (int)message["message_id"]!)] = message.DeepClone().AsObject();
        }
        return ApiReply.Message(message);
    }

    private int NextMessageId(long chatId)
    {
        lock (_gate)
        {
            var id = _lastMessageId.GetValueOrDefault(chatId) + 1;
            _lastMessageId[chatId] = id;
            return id;
        }
    }

    /// <summary>
    /// A Message only ever carries an inline keyboard; reply keyboards are not echoed back, and an empty inline keyboard
    /// is no keyboard (editMessageReplyMarkup with one removes the buttons).
    /// </summary>
    private static JsonObject? InlineMarkup(ApiRequest request) =>
        request.Object("reply_markup") is { } markup && markup["inline_keyboard"] is JsonArray { Count: > 0 } ? markup.DeepClone().AsObject() : null;

    /// <summary>The chat's "typing…" or "sending photo…" status (Telegram shows it up to 5 seconds): only the documented actions.</summary>
    private static ApiReply SendChatAction(ApiRequest request) =>
        ChatActionNames.Contains(request.String("action") ?? string.Empty) ? ApiReply.Ok(true) : ApiReply.BadRequest("wrong parameter action in request");

    private static readonly HashSet<string> ChatActionNames =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    private static void CopyIfPresent(ApiRequest request, JsonObject message, string name)
    {
        if (request.Parameters[name] is { } value)
        {
            message[name] = value.DeepClone();
        }
    }

    private static JsonObject WithoutEditDate(JsonObject message)
    {
        var copy = message.DeepClone().AsObject();
        copy.Remove("edit_date");
        return copy;
    }

    private static JsonObject Chat(long chatId) => chatId > 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = $"User{chatId}" }
        : new JsonObject { ["id"] = chatId, ["type"] = "group", ["title"] = $"Test group {-chatId}" };
}
