using Bot.Tests.Infrastructure;
using Bot.Tests.Telegram;

namespace Bot.Tests.Telemetry;

/// <summary>GET /metrics on the real host (polling a fake Bot API, real Redis) after students talked to it.</summary>
[Collection(RedisCollection.Name)]
public sealed class MetricsEndpointTests(RedisFixture redis) : TelegramHostTest(redis)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Metrics:GaugeRefreshSeconds"] = "1",
        ["Metrics:StudentCountInterval"] = "00:00:01",
    };

    [Fact]
    public async Task ALoopbackScrapeAfterThreeTurnsCountsThemTimesThemAndShowsTheInbox()
    {
        var student = new TelegramStudent(Telegram, 4_100_001);
        await student.Say("/start");
        await student.Say("/help");
        await student.Say("/status");

        using var http = new HttpClient();
        var scrape = await Scrape.FromAsync(http, Host.Url("/metrics"));

        Assert.Equal("counter", scrape.Families["arc_helper_turns_total"]);
        Assert.Equal(3, scrape.Sum("arc_helper_turns_total", "channel=tg", "outcome=answered"));
        Assert.Equal("histogram", scrape.Families["arc_helper_turn_duration_seconds"]);
        Assert.Equal(3, scrape.Sum("arc_helper_turn_duration_seconds_count", "channel=tg", "outcome=answered"));
        Assert.Equal(3, scrape.Sum("arc_helper_turn_duration_seconds_bucket", "channel=tg", "outcome=answered", "le=+Inf"));
        Assert.True(scrape.Sum("arc_helper_turn_duration_seconds_sum", "channel=tg") > 0);

        // Two round trips a turn: begin and commit, each timed.
        Assert.Equal(3, scrape.Sum("arc_helper_redis_duration_seconds_count", "operation=begin"));
        Assert.Equal(3, scrape.Sum("arc_helper_redis_duration_seconds_count", "operation=commit"));

        // The inbox gauges (deployment-wide, from Redis): nothing waits, nothing failed.
        Assert.Equal("gauge", scrape.Families["arc_helper_inbox_lag_seconds"]);
        Assert.Equal(0, scrape.Sum("arc_helper_inbox_lag_seconds"));
        Assert.Equal(0, scrape.Sum("arc_helper_inbox_pending"));
        Assert.Equal(0, scrape.Sum("arc_helper_inbox_dead_letters"));
    }

    [Fact]
    public async Task StudentsAreCountedByStage()
    {
        await new TelegramStudent(Telegram, 4_100_002).Say("/start");
        await new TelegramStudent(Telegram, 4_100_003).Say("/start");

        using var http = new HttpClient();
        Scrape scrape = null!;
        await Eventually.TrueAsync(
            async () => (scrape = await Scrape.FromAsync(http, Host.Url("/metrics"))).Sum("arc_helper_students") == 2,
            TimeSpan.FromSeconds(20),
            "the next count of the students");

        // Both have just started: neither has filed anything yet, so no stage past drafting has a student.
        Assert.Equal(2, scrape.Sum("arc_helper_students", "stage=new") + scrape.Sum("arc_helper_students", "stage=drafting"));
        Assert.Equal(7, scrape.Samples.Count(s => s.Name == "arc_helper_students"));
    }
}
