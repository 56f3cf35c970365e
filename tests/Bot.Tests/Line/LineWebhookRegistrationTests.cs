using System.Net;
using System.Text.Json.Nodes;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Line;

/// <summary>At start the host sets its LINE webhook URL through the Messaging API, checked by the fake against the official spec.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineWebhookRegistrationTests(RedisFixture redis) : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://arc-helper.example.test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FakeLinePlatform platform = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        platform = await FakeLinePlatform.StartAsync();
    }

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task RegistersItsWebhookUrlAtStartAndIsReadyOnlyOnceLineAcceptsIt()
    {
        // Two refusals: the host retries after 1 s and 2 s, and is not ready meanwhile.
        platform.FailWebhookEndpointNext(2, 500);
        await using var host = await BotHost.StartAsync(Settings());
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var pending = await http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pending.StatusCode);
        Assert.Equal("webhook not registered yet: line", Description(await pending.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);

        // After LINE accepts, the host reads the setting back (to warn if "Use webhook" is off): by then it counts as registered.
        await platform.WaitUntilAsync(p => p.Requests.Any(r => r.Method == "GET" && r.Path == "/v2/bot/channel/webhook/endpoint"), Timeout, "the webhook read back");

        Assert.Equal(PublicBaseUrl + "/webhooks/line", platform.WebhookEndpoint);
        var puts = platform.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal([500, 500, 200], puts.Select(r => r.StatusCode));
        Assert.All(puts, r => Assert.Equal("Bearer " + platform.ChannelAccessToken, r.Headers["Authorization"]));
        Assert.Empty(platform.Violations);
        var ready = await http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("webhooks registered: line", Description(await ready.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task WarnsWhenUseWebhookIsOffInTheConsole()
    {
        platform.WebhookActive = false;
        var logs = new LogCapture();

        await using var host = await BotHost.StartAsync(Settings(), b => b.Logging.AddProvider(logs));

        var warning = await logs.WaitForAsync(e => e.EventId == 533, Timeout, "the Use webhook warning");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Use webhook", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainHttpBaseUrlIsNotSentToLineWhichRefusesIt()
    {
        var logs = new LogCapture();

        await using var host = await BotHost.StartAsync(Settings(new() { ["Bot:PublicBaseUrl"] = "http://127.0.0.1:5080" }), b => b.Logging.AddProvider(logs));

        await logs.WaitForAsync(e => e.EventId == 532, Timeout, "the not-https warning");
        Assert.Null(platform.WebhookEndpoint);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task LeavesTheUrlAloneWhenRegisterWebhookIsOff()
    {
        await using var host = await BotHost.StartAsync(Settings(new() { ["Line:RegisterWebhook"] = "false" }));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var ready = await http.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("no webhook to register", Description(await ready.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(platform.Requests, r => r.Path.StartsWith("/v2/bot/channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesAWebhookUrlLineWouldRefuse()
    {
        using var http = new HttpClient { BaseAddress = new Uri(platform.ApiBaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", platform.ChannelAccessToken);

        var plain = await http.PutAsync("/v2/bot/channel/webhook/endpoint", Json(new JsonObject { ["endpoint"] = "http://arc-helper.example.test/webhooks/line" }));
        var missing = await http.PutAsync("/v2/bot/channel/webhook/endpoint", Json(new JsonObject()));
        var tooLong = await http.PutAsync("/v2/bot/channel/webhook/endpoint", Json(new JsonObject { ["endpoint"] = "https://example.test/" + new string('a', 500) }));

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Null(platform.WebhookEndpoint);
        Assert.Equal(3, platform.Violations.Count);
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static string? Description(string report) => (string?)JsonNode.Parse(report)!["checks"]!["webhooks"]!["description"];

    private Dictionary<string, string?> Settings(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Line:ChannelSecret"] = "registration-test-channel-secret",
            ["Line:ChannelAccessToken"] = platform.ChannelAccessToken,
            ["Line:ApiBaseUrl"] = platform.ApiBaseUrl,
            ["Line:DataApiBaseUrl"] = platform.DataApiBaseUrl,
            ["Bot:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
