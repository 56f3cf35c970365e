using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Host.Line.Api;
using Bot.Tests.Line.Fakes;
using Xunit;

namespace Bot.Tests.Line;

/// <summary>Webhook bodies written after webhook.yml (and checked against it) read into the models and back unchanged.</summary>
public sealed class LineWebhookModelTests
{
    private const string Common = """
        "mode":"active","timestamp":1462629479859,"webhookEventId":"01FZ74A0TDDPYRVKNK77XKC3ZR",
        "deliveryContext":{"isRedelivery":false},"source":{"type":"user","userId":"U4af4980629000000000000000000000a"}
        """;

    public static TheoryData<string, Type> Events => new()
    {
        { $$$$"""{"type":"message",{{{{Common}}}},"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA","message":{"type":"text","id":"444573844083572737","quoteToken":"q3Plxr4AgKd","text":"Hello, world"}}""", typeof(TextMessageContent) },
        { $$$$"""{"type":"message",{{{{Common}}}},"replyToken":"r","message":{"type":"image","id":"354718705033693859","quoteToken":"q","contentProvider":{"type":"line"},"imageSet":{"id":"E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855","index":1,"total":2}}}""", typeof(ImageMessageContent) },
        { $$$$"""{"type":"message",{{{{Common}}}},"replyToken":"r","message":{"type":"video","id":"325708","quoteToken":"q","duration":60000,"contentProvider":{"type":"external","originalContentUrl":"https://example.com/original.mp4","previewImageUrl":"https://example.com/preview.jpg"}}}""", typeof(VideoMessageContent) },
        { $$$$"""{"type":"message",{{{{Common}}}},"replyToken":"r","message":{"type":"audio","id":"325709","duration":60000,"contentProvider":{"type":"line"}}}""", typeof(AudioMessageContent) },
        { $$$$"""{"type":"message",{{{{Common}}}},"replyToken":"r","message":{"type":"file","id":"325710","fileName":"passport.pdf","fileSize":2138}}""", typeof(FileMessageContent) },
        { $$$$"""{"type":"message",{{{{Common}}}},"replyToken":"r","message":{"type":"location","id":"325711","title":"Office","address":"1-3 Kioicho, Chiyoda-ku, Tokyo","latitude":35.67966,"longitude":139.73669}}""", typeof(LocationMessageContent) },
        { $$$$"""{"type":"message",{{{{Common}}}},"replyToken":"r","message":{"type":"sticker","id":"1501597916","quoteToken":"q","packageId":"446","stickerId":"1988","stickerResourceType":"ANIMATION"}}""", typeof(StickerMessageContent) },
        { $$$$"""{"type":"follow",{{{{Common}}}},"replyToken":"85cbe770fa8b4f45bbe077b1d4be4a36","follow":{"isUnblocked":false}}""", typeof(FollowEvent) },
        { $$$$"""{"type":"unfollow",{{{{Common}}}}}""", typeof(UnfollowEvent) },
        { $$$$"""{"type":"postback",{{{{Common}}}},"replyToken":"b60d432864f44d079f6d8efe86cf404b","postback":{"data":"action=buy&itemid=111","params":{"datetime":"2017-12-25T01:00"}}}""", typeof(PostbackEvent) },
        { $$$$"""{"type":"join","mode":"active","timestamp":1462629479859,"webhookEventId":"01FZ74A0TDDPYRVKNK77XKC3ZS","deliveryContext":{"isRedelivery":true},"source":{"type":"group","groupId":"Ca56f94637c0000000000000000000000"},"replyToken":"0f3779fba3b349968c5d07db31eab56f"}""", typeof(UnknownEvent) },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void ReadsAnEventFromTheSpecAndWritesItBackUnchanged(string eventJson, Type expected)
    {
        var body = Callback(eventJson);
        Assert.Empty(new SchemaValidator(OpenApiSpec.Webhook).Validate("CallbackRequest", JsonNode.Parse(body)));

        var callback = JsonSerializer.Deserialize(body, LineJsonContext.Default.CallbackRequest)!;

        var evt = Assert.Single(callback.Events);
        Assert.IsType(expected, evt is MessageEvent message ? message.Message : evt);
        var written = JsonSerializer.SerializeToNode(callback, LineJsonContext.Default.CallbackRequest);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), written), written!.ToJsonString());
    }

    [Fact]
    public void ReadsTheFieldsTheBotUses()
    {
        var callback = JsonSerializer.Deserialize(Callback($$$$"""{"type":"message",{{{{Common}}}},"replyToken":"r1","message":{"type":"text","id":"1","quoteToken":"q","text":"/start"}}"""), LineJsonContext.Default.CallbackRequest)!;

        var evt = Assert.IsType<MessageEvent>(Assert.Single(callback.Events));
        Assert.Equal("message", evt.Type);
        Assert.Equal("active", evt.Mode);
        Assert.Equal(1462629479859, evt.Timestamp);
        Assert.Equal(new EventSource("user", "U4af4980629000000000000000000000a"), evt.Source);
        Assert.Equal("01FZ74A0TDDPYRVKNK77XKC3ZR", evt.WebhookEventId);
        Assert.False(evt.DeliveryContext.IsRedelivery);
        Assert.Equal("r1", evt.ReplyToken);
        Assert.Equal("/start", Assert.IsType<TextMessageContent>(evt.Message).Text);
    }

    [Fact]
    public void KeepsAnUnknownEventOrMessageTypeInsteadOfFailing()
    {
        var body = Callback(
            $$$$"""{"type":"somethingNew",{{{{Common}}}},"payload":{"x":1}}""",
            $$$$"""{"type":"message",{{{{Common}}}},"message":{"type":"hologram","id":"9","depth":3}}""");

        var callback = JsonSerializer.Deserialize(body, LineJsonContext.Default.CallbackRequest)!;

        var unknown = Assert.IsType<UnknownEvent>(callback.Events[0]);
        Assert.Equal("somethingNew", unknown.Type);
        Assert.True(unknown.ExtensionData!.ContainsKey("payload"));
        var content = Assert.IsType<UnknownMessageContent>(Assert.IsType<MessageEvent>(callback.Events[1]).Message);
        Assert.Equal("hologram", content.Type);
    }

    [Fact]
    public async Task ReadsEveryEventTheFakeBuildsIncludingARedelivery()
    {
        await using var platform = await FakeLinePlatform.StartAsync();
        const string User = "U1";
        var text = platform.TextMessage(User, "hi");
        var body = platform.CallbackBody(
            text, platform.Image(User, "11"), platform.File(User, "12", "arc.pdf"), platform.Sticker(User),
            platform.Follow(User), platform.Unfollow(User), platform.Postback(User, "lang=en"), FakeLinePlatform.Redelivery(text));
        Assert.Empty(new SchemaValidator(OpenApiSpec.Webhook).Validate("CallbackRequest", JsonNode.Parse(body)));

        var events = JsonSerializer.Deserialize(body, LineJsonContext.Default.CallbackRequest)!.Events;

        Assert.Equal(
            [typeof(MessageEvent), typeof(MessageEvent), typeof(MessageEvent), typeof(MessageEvent), typeof(FollowEvent), typeof(UnfollowEvent), typeof(PostbackEvent), typeof(MessageEvent)],
            events.Select(e => e.GetType()));
        Assert.Equal("arc.pdf", Assert.IsType<FileMessageContent>(((MessageEvent)events[2]).Message).FileName);
        Assert.Equal("lang=en", ((PostbackEvent)events[6]).Postback.Data);
        Assert.True(events[7].DeliveryContext.IsRedelivery);
        Assert.Equal(events[0].WebhookEventId, events[7].WebhookEventId);
        Assert.Equal(26, events[0].WebhookEventId.Length);
    }

    [Fact]
    public void WritesOutgoingMessagesThatPassTheSpec()
    {
        var request = new PushMessageRequest("U1",
        [
            new TextMessage("hi") { QuickReply = new([new(new PostbackAction("A", "a=1", "A")), new(new CameraAction("Camera"))]) },
            new ImageMessage("https://e.com/a.jpg", "https://e.com/b.jpg"),
            new TemplateMessage("Pick", new ButtonsTemplate("Pick one", [new UriAction("Open", "https://e.com"), new MessageAction("Help", "/help")]) { Title = "Menu" }),
        ]);

        var json = JsonSerializer.SerializeToNode(request, LineJsonContext.Default.PushMessageRequest)!;

        Assert.Empty(new SchemaValidator(OpenApiSpec.MessagingApi).Validate("PushMessageRequest", json));
        Assert.Empty(DocumentedLimits.Check(json));
        Assert.Equal("text", (string?)json["messages"]![0]!["type"]);
        Assert.Null(json["notificationDisabled"]);
        Assert.Equal("postback", (string?)json["messages"]![0]!["quickReply"]!["items"]![0]!["action"]!["type"]);
    }

    private static string Callback(params string[] events) =>
        $$$$"""{"destination":"Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","events":[{{{{string.Join(",", events)}}}}]}""".Replace(
            "Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "U0123456789abcdef0123456789abcdef", StringComparison.Ordinal);
}
