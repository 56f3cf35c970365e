using System.Net;
using System.Text.Json.Nodes;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Health;

/// <summary>The three health endpoints of the real host over HTTP, with a real Redis that is up, down, or killed under it.</summary>
[Collection(RedisCollection.Name)]
public sealed class HealthEndpointsTests(RedisFixture redis)
{
    [Fact]
    public async Task WithRedisDownTheHostIsAliveButNotReady()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200" });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var live = await http.GetAsync("/healthz/live");
        var ready = await http.GetAsync("/healthz/ready");
        var legacy = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Unhealthy", (string?)report["checks"]!["redis"]!["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["data"]!["status"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, legacy.StatusCode);
        Assert.Equal("redis unavailable", await legacy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithRedisUpTheHostIsReadyAndReportsEachCheck()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var ready = await http.GetAsync("/healthz/ready");
        var legacy = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("no-store, no-cache", ready.Headers.CacheControl?.ToString());
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal(["redis", "webhooks", "data"], report["checks"]!.AsObject().Select(c => c.Key));
        Assert.Equal("no webhook to register", (string?)report["checks"]!["webhooks"]!["description"]);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("ok", await legacy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenRedisDiesReadinessFallsAndLivenessStays()
    {
        await using var own = await RedisServer.StartAsync();
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = own.ConnectionString + ",connectTimeout=500" });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);

        await own.KillAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
    }

    [Fact]
    public async Task AnOfficeCalendarWithoutThisYearLeavesTheHostReadyButSaysSo()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2099, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString },
            b => b.Services.AddSingleton<TimeProvider>(time));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var ready = await http.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var data = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["data"]!;
        Assert.Equal("Degraded", (string?)data["status"]);
        Assert.Contains("2099", (string?)data["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InWebhookModeTheHostIsReadyOnlyOnceTelegramHasItsWebhook()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var unreachable = new Dictionary<string, string?>(TelegramWebhookSettings(telegram)) { ["Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Pick()}" };
        await using (var waiting = await BotHost.StartAsync(unreachable))
        {
            using var http = new HttpClient { BaseAddress = new Uri(waiting.BaseUrl) };
            var notYet = await http.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notYet.StatusCode);
            Assert.Equal("webhook not registered yet: telegram", (string?)JsonNode.Parse(await notYet.Content.ReadAsStringAsync())!["checks"]!["webhooks"]!["description"]);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
        }

        await using var host = await BotHost.StartAsync(TelegramWebhookSettings(telegram));
        // The command menu is published right after the webhook is set.
        await telegram.WaitUntilAsync(t => t.CommandsFor() is not null, TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("webhooks registered: telegram", (string?)JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["webhooks"]!["description"]);
    }

    private Dictionary<string, string?> TelegramWebhookSettings(FakeTelegramServer telegram) => new()
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Telegram:BotToken"] = telegram.Token,
        ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookSecret"] = "health-test-webhook-secret-8d2f4a61c9b7e305",
        ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
    };
}
