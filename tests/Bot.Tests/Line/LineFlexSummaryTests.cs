using System.Text.Json.Nodes;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Printing;
using Bot.Host.Line;
using Bot.Host.Line.Api;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Line;

/// <summary>The summary on LINE: one Flex bubble per NIA page with a copy button (clipboard action) per value.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineFlexSummaryTests(RedisFixture redis) : IAsyncLifetime
{
    private LineHarness line = null!;

    public async Task InitializeAsync() => line = await LineHarness.StartAsync(redis);

    public async Task DisposeAsync() => await line.DisposeAsync();

    [Fact]
    public async Task TheSummaryIsACarouselOfNiaPagesWithACopyButtonPerValueAndAnAltTextInTheStudentsLanguage()
    {
        var user = line.NewUser("vi");
        await line.SendAsync(user, line.Platform.Follow(user));
        await line.StepsAsync(user, "lang:vi", "v:ext", "nav:skip", "v:two", "nguyen", "van an", "v:VN", "2001-09-23", "v:m", "c1234567",
            "+84 912 345 678", "nav:skip", "an.nguyen@example.com", "go:next", "go:next", "go:next",
            "A800000005", "v:master", "v:studying", "國立臺灣大學", "v:registered", "v:1", "v:no", "v:no");
        while ((await line.RecordAsync(user)).Phase == "Documents")
        {
            await line.StepsAsync(user, "go:next");
        }

        await line.StepsAsync(user, "2031-05-31", "2027-01-31", "v:bachelor", "國立臺灣大學", "2", "v:single", "0912345678", "v:TPE", "大安區",
            "nav:skip", "nav:skip", "羅斯福路四段", "nav:skip", "nav:skip", "1號", "王小明", "nav:skip", "02-33663366", "v:TW", "v:counter", "v:TPE");

        var summary = await line.SendAsync(user, line.Platform.Postback(user, "rev:ok"));

        // Intro, the pages in one carousel, the checklist: the whole summary fits LINE's five messages of one reply.
        var flex = Assert.Single(summary, m => m.Type == "flex");
        Assert.All(summary, m => Assert.Equal("reply", m.Via));
        var bubbles = flex.Message["contents"]!["contents"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal("carousel", (string?)flex.Message["contents"]!["type"]);
        Assert.InRange(bubbles.Count, 4, 12);
        Assert.Equal("學生註冊 Đăng ký", Title(bubbles[0]));
        Assert.Contains(bubbles, b => Title(b) == "在臺居住地址 Địa chỉ ở Đài Loan");

        var copies = bubbles.SelectMany(Copies).ToList();
        Assert.Contains(("📋 英文姓氏", "NGUYEN"), copies);
        Assert.Contains(("📋 出生日期", "2001-09-23"), copies);
        Assert.Contains(("📋 電子郵件", "an.nguyen@example.com"), copies);
        Assert.Contains(copies, c => c.Copies == "臺北市大安區羅斯福路四段1號");
        Assert.Contains(copies, c => c.Copies == "A800000005");

        // Notifications and clients without Flex show the pages as text, in Vietnamese with the NIA labels.
        var altText = (string)flex.Message["altText"]!;
        Assert.Contains("【學生註冊 Đăng ký】", altText, StringComparison.Ordinal);
        Assert.Contains("英文姓氏: NGUYEN", altText, StringComparison.Ordinal);
        Assert.DoesNotContain(summary, m => m.Text?.Contains("英文姓氏", StringComparison.Ordinal) == true);
        Assert.Empty(line.Platform.Violations);
    }

    [Fact]
    public async Task ManyPagesAreSplitIntoCarouselsOfTwelveAndAValueTooLongToCopyIsShownWithoutAButton()
    {
        var longValue = new string('x', 1001);
        var pages = Enumerable.Range(1, 14)
            .Select(i => new Reply($"【Page {i}】") { Section = new SummarySection($"Page {i}", [new("英文姓名", $"VALUE {i}"), new("備註", i == 14 ? longValue : null)], ["note"]) })
            .ToList();
        var renderer = line.Host.Services.GetRequiredService<LineReplyRenderer>();
        var user = line.NewUser();

        var messages = await renderer.RenderAsync(user, [new Reply("intro"), .. pages, new Reply("checklist", [[new Choice("PDF", "pdf")]])]);

        Assert.Equal(["text", "flex", "flex", "text"], messages.Select(m => m.GetType() == typeof(FlexMessage) ? "flex" : "text"));
        Assert.Equal(12, ((FlexCarousel)((FlexMessage)messages[1]).Contents).Contents.Count);
        Assert.Equal(2, ((FlexCarousel)((FlexMessage)messages[2]).Contents).Contents.Count);
        Assert.NotNull(messages[3].QuickReply);

        // The fake LINE accepts them all (spec, 12 bubbles, sizes, labels), and the last page copies its short value only.
        await line.SendAsync(user, line.Platform.Follow(user));
        var client = line.Host.Services.GetRequiredService<LineMessagingClient>();
        var pushed = await Record.ExceptionAsync(() => client.PushAsync(user, messages, Guid.NewGuid()));
        Assert.Empty(line.Platform.Violations);
        Assert.Null(pushed);
        var last = line.Platform.MessagesTo(user)[^2].Message;
        var copies = last["contents"]!["contents"]!.AsArray().SelectMany(b => Copies(b!.AsObject())).ToList();
        Assert.Equal([("📋 英文姓名", "VALUE 13"), ("📋 英文姓名", "VALUE 14")], copies);
        Assert.Contains(longValue, last.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFakeRefusesACarouselOfThirteenBubblesAsLineDoes()
    {
        var bubble = LineFlexSummary.Bubble(new SummarySection("Page", [new("英文姓名", "VALUE")], []));
        var user = line.NewUser();
        await line.SendAsync(user, line.Platform.Follow(user));
        var body = new JsonObject
        {
            ["to"] = user,
            ["messages"] = new JsonArray(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize<LineMessage>(
                new FlexMessage("alt", new FlexCarousel([.. Enumerable.Repeat(bubble, 13)])), LineJsonContext.Default.LineMessage))),
        };

        using var http = new HttpClient { BaseAddress = new Uri(line.Platform.ApiBaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", line.Platform.ChannelAccessToken);
        using var response = await http.PostAsync("v2/bot/message/push", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(line.Platform.Violations, v => v.Property == "messages[0].contents.contents");
    }

    private static string? Title(JsonObject bubble) => (string?)bubble["header"]!["contents"]![0]!["text"];

    private static IEnumerable<(string Label, string Copies)> Copies(JsonObject bubble) =>
        bubble["body"]!["contents"]!.AsArray().SelectMany(line => line?["contents"]?.AsArray() ?? [])
            .Where(c => (string?)c?["action"]?["type"] == "clipboard")
            .Select(c => ((string)c!["action"]!["label"]!, (string)c["action"]!["clipboardText"]!));
}
