using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Host.Line;
using Bot.Tests.Line.Fakes;
using Xunit;

namespace Bot.Tests.Line;

/// <summary>The limits in code agree with the official yml, and the fake really refuses what LINE refuses.</summary>
public sealed class LineSpecTests
{
    private static readonly OpenApiSpec Spec = OpenApiSpec.MessagingApi;

    [Theory]
    [InlineData("ReplyMessageRequest")]
    [InlineData("PushMessageRequest")]
    [InlineData("MulticastRequest")]
    [InlineData("BroadcastRequest")]
    public void MessagesPerCallMatchesTheSpec(string request) =>
        Assert.Equal(LineLimits.MaxMessagesPerCall, Spec.Constraint(request, "messages", "maxItems"));

    [Fact]
    public void TheOtherLimitsStatedInTheSpecMatchIt()
    {
        Assert.Equal(LineLimits.MaxQuickReplyItems, Spec.Constraint("QuickReply", "items", "maxItems"));
        Assert.Equal(LineLimits.MaxMulticastRecipients, Spec.Constraint("MulticastRequest", "to", "maxItems"));
        Assert.Equal(LineLimits.MaxPostbackDataLength, Spec.Constraint("PostbackAction", "data", "maxLength"));
        Assert.Equal(LineLimits.MinLoadingSeconds, Spec.Constraint("ShowLoadingAnimationRequest", "loadingSeconds", "minimum"));
        Assert.Equal(LineLimits.MaxLoadingSeconds, Spec.Constraint("ShowLoadingAnimationRequest", "loadingSeconds", "maximum"));
    }

    /// <summary>If this fails, LINE put these limits into the spec: read them from there and drop the hard-coded ones.</summary>
    [Fact]
    public void TheDocumentedLimitsAreStillAbsentFromTheSpec()
    {
        Assert.Null(Spec.Constraint("TextMessage", "text", "maxLength"));
        Assert.Null(Spec.Constraint("Action", "label", "maxLength"));
        Assert.Null(Spec.Constraint("TemplateMessage", "altText", "maxLength"));
        Assert.Null(Spec.Constraint("FlexMessage", "altText", "maxLength"));
        Assert.Null(Spec.Constraint("FlexCarousel", "contents", "maxItems"));
        Assert.Null(Spec.Constraint("RichMenuRequest", "areas", "maxItems"));
        Assert.Null(Spec.Constraint("DatetimePickerAction", "min", "pattern"));
        Assert.Equal(LineFlexSummary.MaxAltText, DocumentedLimits.FlexAltTextLength);
        Assert.Equal(LineFlexSummary.MaxBubblesPerCarousel, DocumentedLimits.CarouselBubbles);
        Assert.Equal(LineLimits.MaxTextLength, DocumentedLimits.TextLength);
        Assert.Equal(LineLimits.MaxActionLabelLength, DocumentedLimits.ActionLabelLength);
    }

    [Fact]
    public void TheValidatorFollowsDiscriminatorsIntoSubtypes()
    {
        var body = JsonNode.Parse("""
            {"to":"U1","messages":[
              {"type":"text"},
              {"type":"image","originalContentUrl":"relative.jpg","previewImageUrl":"https://e.com/p.jpg"},
              {"type":"template","altText":"a","template":{"type":"confirm","text":"t","actions":[
                {"type":"postback","label":"y","data":"%%DATA%%"},{"type":"message","label":"n","text":"n"}]}},
              {"type":"nope"}
            ]}
            """.Replace("%%DATA%%", new string('d', 301), StringComparison.Ordinal));

        var violations = new SchemaValidator(Spec).Validate("PushMessageRequest", body).Select(v => v.Property).ToList();

        Assert.Contains("messages[0].text", violations);
        Assert.Contains("messages[1].originalContentUrl", violations);
        Assert.Contains("messages[2].template.actions[0].data", violations);
        Assert.Contains("messages[3].type", violations);
        Assert.Equal(4, violations.Count);
    }

    [Fact]
    public async Task TheFakeAnswersABrokenBodyLikeLineAndRecordsTheViolations()
    {
        await using var platform = await FakeLinePlatform.StartAsync();
        var items = string.Join(",", Enumerable.Range(1, 14).Select(i => $$$"""{"type":"action","action":{"type":"message","label":"o{{{i}}}","text":"o"}}"""));
        var body = $$$"""{"to":"U1","messages":[{"type":"text","text":"pick","quickReply":{"items":[{{{items}}}]}}]}""";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, platform.ApiBaseUrl + "/v2/bot/message/push")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.ChannelAccessToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The request body has 1 error(s)", (string?)error["message"]);
        Assert.Equal("messages[0].quickReply.items", (string?)error["details"]![0]!["property"]);
        Assert.Single(platform.Violations);
        Assert.Empty(platform.Delivered);
    }

    [Fact]
    public async Task TheFakeServesContentOnlyOnTheDataHost()
    {
        await using var platform = await FakeLinePlatform.StartAsync();
        platform.AddContent("1", [1, 2, 3], "image/jpeg");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.ChannelAccessToken);

        using var wrongHost = await http.GetAsync(platform.ApiBaseUrl + "/v2/bot/message/1/content");
        using var rightHost = await http.GetAsync(platform.DataApiBaseUrl + "/v2/bot/message/1/content");

        Assert.Equal(HttpStatusCode.NotFound, wrongHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightHost.StatusCode);
    }
}
