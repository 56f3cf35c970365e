using System.Text;
using System.Text.Json;
using Bot.Dialogs.Conversation;
using Bot.Host.Inbox;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>Translates LINE webhook events: into inbox entries at the door, into plain inbound records for the dialog.</summary>
public static class LineEventMapper
{
    public const string Channel = "line";

    /// <summary>The postback data of the date picker (<see cref="LineQuickReplies.DatePicker"/>); its date is in <c>params.date</c>.</summary>
    public const string DatePickedData = "date";

    /// <summary>The rich menu's "Continue" tap: the current question again (the other taps carry their command, e.g. "/status").</summary>
    public const string RichMenuContinue = "/continue";

    /// <summary>
    /// One entry per event, keyed by whom it concerns; standby events (another module owns the chat) are skipped, and
    /// so are events from before <paramref name="oldest"/> (counted in <paramref name="stale"/>).
    /// </summary>
    public static IReadOnlyList<InboxEntry> ToEntries(byte[] body, DateTimeOffset oldest, out int stale)
    {
        stale = 0;
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A LINE callback has an events array.");
        }

        var entries = new List<InboxEntry>(events.GetArrayLength());
        foreach (var evt in events.EnumerateArray())
        {
            if (evt.TryGetProperty("mode", out var mode) && mode.GetString() == "standby")
            {
                continue;
            }

            if (!evt.TryGetProperty("timestamp", out var timestamp) || !timestamp.TryGetInt64(out var ms) || ms < oldest.ToUnixTimeMilliseconds())
            {
                stale++;
                continue;
            }

            var id = evt.TryGetProperty("webhookEventId", out var eventId) ? eventId.GetString() : null;
            var owner = evt.TryGetProperty("source", out var source) ? Owner(source) : null;
            if (id is null || owner is null)
            {
                continue;
            }

            entries.Add(new InboxEntry(Channel, owner, id, evt.GetRawText()));
        }

        return entries;
    }

    /// <summary>line:Uxxx for a user (the student key); the group or room for messages there, so they keep their own order.</summary>
    private static string? Owner(JsonElement source)
    {
        string? Get(string name) => source.TryGetProperty(name, out var value) ? value.GetString() : null;
        return Get("type") switch
        {
            "user" when Get("userId") is { } user => Channel + ":" + user,
            "group" when Get("groupId") is { } group => "line-group:" + group,
            "room" when Get("roomId") is { } room => "line-room:" + room,
            _ => null,
        };
    }

    public static WebhookEvent Parse(string body) =>
        JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(body), LineJsonContext.Default.WebhookEvent)
        ?? throw new JsonException("Empty LINE event.");

    /// <summary>The dialog's view of a message or postback; null for events that are not a student's turn.</summary>
    public static Inbound? ToInbound(WebhookEvent evt) => evt switch
    {
        // A date picked in the date picker reads exactly as the same date typed: the dialog validates it the same way.
        PostbackEvent { Postback.Params: { } picked } when picked.TryGetValue("date", out var date) => Inbound.FromText(date),
        PostbackEvent { Postback.Data: var data } when data.StartsWith('/') => FromRichMenu(data),
        PostbackEvent postback => Inbound.Button(postback.Postback.Data),
        MessageEvent { Message: TextMessageContent text } => Inbound.FromText(text.Text),
        MessageEvent { Message: ImageMessageContent image } =>
            Inbound.Files([new UploadRef(image.Id, null, "image/jpeg", null, IsPhoto: true)]),
        MessageEvent { Message: FileMessageContent file } =>
            Inbound.Files([new UploadRef(file.Id, file.FileName, ContentTypeOf(file.FileName), file.FileSize, IsPhoto: false)]),
        MessageEvent { Message: var other } => Inbound.Unsupported(other.Type),
        _ => null,
    };

    public static string? ReplyTokenOf(WebhookEvent evt) => evt switch
    {
        MessageEvent m => m.ReplyToken,
        PostbackEvent p => p.ReplyToken,
        FollowEvent f => f.ReplyToken,
        _ => null,
    };

    /// <summary>True for a text message in a group or room that mentions this bot.</summary>
    public static bool MentionsBot(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("message", out var message)
            && message.TryGetProperty("mention", out var mention)
            && mention.TryGetProperty("mentionees", out var mentionees)
            && mentionees.ValueKind == JsonValueKind.Array
            && mentionees.EnumerateArray().Any(m => m.TryGetProperty("isSelf", out var self) && self.ValueKind == JsonValueKind.True);
    }

    private static string? ContentTypeOf(string fileName) => System.IO.Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".bmp" => "image/bmp",
        _ => null,
    };

    /// <summary>A rich menu tap (<see cref="LineRichMenuDesign.Taps"/>) as the command it stands for.</summary>
    public static Inbound FromRichMenu(string data) =>
        data == RichMenuContinue ? Inbound.Button(ButtonData.StartOverNo) : Inbound.FromText(data);
}
