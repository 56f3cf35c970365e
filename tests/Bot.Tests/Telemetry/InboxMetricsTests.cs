using System.Net;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telemetry;

/// <summary>The inbox as an on-call person reads it on /metrics: webhooks answered, entries waiting, how long the oldest waited.</summary>
[Collection(RedisCollection.Name)]
public sealed class InboxMetricsTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "telegram-webhook-secret-9b2e41c7d05a6f38";

    private FakeTelegramServer telegram = null!;
    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        telegram = await FakeTelegramServer.StartAsync();

        // This host answers webhooks but does not consume the inbox: what arrives waits, as when every consumer is down.
        host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
            ["Inbox:Consume"] = "false",
            ["Metrics:GaugeRefreshSeconds"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task UpdatesNobodyHandlesShowAsPendingWithAGrowingLag()
    {
        telegram.EnqueueText(4_200_001, "/start");
        telegram.EnqueueText(4_200_002, "/start");
        foreach (var update in telegram.TakePending())
        {
            Assert.Equal(HttpStatusCode.OK, await telegram.PostUpdateToWebhookAsync(host.Url("/webhooks/telegram"), update, Secret));
        }

        // Refused (wrong secret): counted as a 4xx, never appended.
        telegram.EnqueueText(4_200_003, "/start");
        var refused = await telegram.PostUpdateToWebhookAsync(host.Url("/webhooks/telegram"), telegram.TakePending()[0], "wrong-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, refused);

        using var http = new HttpClient();
        Scrape scrape = null!;
        await Eventually.TrueAsync(
            async () => (scrape = await Scrape.FromAsync(http, host.Url("/metrics"))).Sum("arc_helper_inbox_pending") == 2,
            TimeSpan.FromSeconds(20),
            "the gauge sampler to count the two waiting updates");

        Assert.Equal(2, scrape.Sum("arc_helper_webhook_requests_total", "channel=tg", "status=2xx"));
        Assert.Equal(1, scrape.Sum("arc_helper_webhook_requests_total", "channel=tg", "status=4xx"));
        Assert.Equal(2, scrape.Sum("arc_helper_inbox_appended_total", "channel=tg"));
        Assert.Equal(0, scrape.Sum("arc_helper_turns_total"));
        var lag = scrape.Sum("arc_helper_inbox_lag_seconds");
        Assert.True(lag > 0, $"lag {lag}");

        // The lag is the oldest entry's age now, so it grows between samples while nothing is handled.
        await Eventually.TrueAsync(
            async () => (await Scrape.FromAsync(http, host.Url("/metrics"))).Sum("arc_helper_inbox_lag_seconds") > lag,
            TimeSpan.FromSeconds(20),
            "the lag to grow");
    }
}
