using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Tests.Line.Fakes;

/// <summary>
/// Webhook events as LINE builds them (checked against webhook.yml) and their signed delivery to the bot.
/// Every event that can be replied to gets a fresh reply token from <see cref="ReplyTokens"/>.
/// </summary>
public sealed partial class FakeLinePlatform
{
    private static readonly SchemaValidator WebhookValidator = new(OpenApiSpec.Webhook);

    private readonly HttpClient webhookClient = new();
    private long nextInboundMessageId = 100_000_000_000_000;

    public JsonObject TextMessage(string userId, string text) =>
        MessageEvent(userId, id => new JsonObject { ["type"] = "text", ["id"] = id, ["quoteToken"] = $"q{id}", ["text"] = text });

    /// <summary>A text that quotes an earlier message (LINE's reply to a message), e.g. one the bot sent.</summary>
    public JsonObject QuotingTextMessage(string userId, string text, string quotedMessageId) =>
        MessageEvent(userId, id => new JsonObject { ["type"] = "text", ["id"] = id, ["quoteToken"] = $"q{id}", ["text"] = text, ["quotedMessageId"] = quotedMessageId });

    public JsonObject Image(string userId, string messageId) =>
        MessageEvent(userId, _ => new JsonObject
        {
            ["type"] = "image", ["id"] = messageId, ["quoteToken"] = $"q{messageId}",
            ["contentProvider"] = new JsonObject { ["type"] = "line" },
        }, messageId);

    /// <summary>The size is the registered content's (see <see cref="AddContent"/>), or 0 when there is none.</summary>
    public JsonObject File(string userId, string messageId, string fileName) =>
        MessageEvent(userId, _ => new JsonObject
        {
            ["type"] = "file", ["id"] = messageId, ["fileName"] = fileName, ["fileSize"] = ContentSize(messageId),
        }, messageId);

    public JsonObject Sticker(string userId, string packageId = "446", string stickerId = "1988") =>
        MessageEvent(userId, id => new JsonObject
        {
            ["type"] = "sticker", ["id"] = id, ["quoteToken"] = $"q{id}",
            ["packageId"] = packageId, ["stickerId"] = stickerId, ["stickerResourceType"] = "STATIC",
        });

    public JsonObject Follow(string userId)
    {
        var evt = Common("follow", userId, replyable: true);
        evt["follow"] = new JsonObject { ["isUnblocked"] = false };
        return evt;
    }

    /// <summary>No reply token: the user has blocked the account.</summary>
    public JsonObject Unfollow(string userId) => Common("unfollow", userId, replyable: false);

    public JsonObject Postback(string userId, string data)
    {
        var evt = Common("postback", userId, replyable: true);
        evt["postback"] = new JsonObject { ["data"] = data };
        return evt;
    }

    /// <summary>
    /// The user picks <paramref name="date"/> in the date picker among the quick replies of the last message (LINE shows
    /// them under the last message only), as LINE sends it: a postback with the picker's data and <c>params.date</c>.
    /// A date outside the picker's min and max cannot be picked.
    /// </summary>
    public JsonObject DatePicked(string userId, string date)
    {
        var last = MessagesTo(userId) is { Count: > 0 } all ? all[^1].Message : null;
        var picker = last?["quickReply"]?["items"]?.AsArray().Select(i => i?["action"]).FirstOrDefault(a => (string?)a?["type"] == "datetimepicker")
            ?? throw new InvalidOperationException($"The last message to {userId} offers no date picker.");
        if (string.CompareOrdinal(date, (string?)picker["min"]) < 0 || string.CompareOrdinal(date, (string?)picker["max"]) > 0)
        {
            throw new InvalidOperationException($"{date} is outside the picker's {picker["min"]}..{picker["max"]}.");
        }

        var evt = Common("postback", userId, replyable: true);
        evt["postback"] = new JsonObject { ["data"] = (string?)picker["data"], ["params"] = new JsonObject { ["date"] = date } };
        return evt;
    }

    /// <summary>The same event (same webhookEventId and reply token) as LINE resends it after a failed delivery.</summary>
    public static JsonObject Redelivery(JsonObject evt)
    {
        var copy = evt.DeepClone().AsObject();
        copy["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return copy;
    }

    /// <summary>The JSON body LINE would post for these events.</summary>
    public string CallbackBody(params JsonObject[] events) => new JsonObject
    {
        ["destination"] = BotUserId,
        ["events"] = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()),
    }.ToJsonString();

    /// <summary>POSTs the events to the bot signed with <c>X-Line-Signature</c>, as LINE does; returns the bot's answer.</summary>
    public async Task<HttpResponseMessage> SendEventsAsync(string webhookUrl, string channelSecret, params JsonObject[] events)
    {
        var body = CallbackBody(events);
        // A fake that sent malformed events would make the bot's tests prove nothing.
        var invalid = WebhookValidator.Validate("CallbackRequest", JsonNode.Parse(body));
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException("Fake built events that break webhook.yml: " + string.Join("; ", invalid));
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        // Computed here, not with Bot.Host's LineSignature, so the bot's check is tested against an independent signer.
        request.Headers.Add("X-Line-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), bytes)));
        request.Headers.UserAgent.ParseAdd("LineBotWebhook/2.0");
        return await webhookClient.SendAsync(request);
    }

    private JsonObject MessageEvent(string userId, Func<string, JsonObject> message, string? messageId = null)
    {
        var evt = Common("message", userId, replyable: true);
        evt["message"] = message(messageId ?? NextInboundMessageId());
        return evt;
    }

    private JsonObject Common(string type, string userId, bool replyable)
    {
        lock (gate)
        {
            knownUsers.Add(userId);
        }

        var evt = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = WebhookEventIds.Next(time),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
        if (replyable)
        {
            evt["replyToken"] = ReplyTokens.Issue(userId);
        }

        return evt;
    }

    private string NextInboundMessageId() =>
        Interlocked.Increment(ref nextInboundMessageId).ToString(CultureInfo.InvariantCulture);

    private long ContentSize(string messageId)
    {
        lock (gate)
        {
            return contents.TryGetValue(messageId, out var content) ? content.Data.Length : 0;
        }
    }

    private List<string> KnownUsers()
    {
        lock (gate)
        {
            return knownUsers.ToList();
        }
    }
}
