using System.Net.Http.Json;
using System.Text.Json;
using Bot.Dialogs.Messages;
using Bot.Host.Broadcasts;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Advisors;

/// <summary>
/// Broadcasts written once per language (with or without a fallback language), previewed as each channel shows them,
/// and held at night until 08:00 Taiwan time unless urgent, on the host's clock (a FakeTimeProvider).
/// </summary>
[Collection(RedisCollection.Name)]
public class BroadcastLanguageAndNightTests(RedisFixture redis) : BothChannelsTest(redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>11:00 in Taiwan.</summary>
    private static readonly DateTimeOffset Day = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    /// <summary>23:30 in Taiwan.</summary>
    private static readonly DateTimeOffset Night = new(2026, 12, 7, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task EachStudentGetsTheTextOfTheirLanguageOrTheFallbackAndThePreviewShowsBothChannels()
    {
        await AdvisorTestHost.SeedAsync(Redis, "tg:6001");
        await AdvisorTestHost.SeedAsync(Redis, "tg:6002", s => s.Language = Languages.Find("vi")!.Value);
        await AdvisorTestHost.SeedAsync(Redis, "tg:6003", s => s.Language = Language.TraditionalChinese);
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line, time: new FakeTimeProvider(Day));
        var cookie = await host.LoginAsync();
        var texts = new Dictionary<string, string> { ["en"] = "Office closed on Friday", ["vi"] = "Văn phòng đóng cửa thứ Sáu" };

        // Without a fallback the Chinese reader would get nothing, and the preview says so; it shows each text as Telegram
        // (HTML, escaped) and LINE (plain text) would.
        var marked = new Dictionary<string, string>(texts) { ["en"] = "Office closed <Friday>" };
        using var noFallback = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts/preview", cookie, new { texts = marked, filter = new { } });
        var preview = await noFallback.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, preview.GetProperty("noTextInLanguage").GetInt32());
        var renders = preview.GetProperty("renders").EnumerateArray().ToList();
        Assert.Contains(renders, r => r.GetProperty("channel").GetString() == "tg" && r.GetProperty("html").GetString() == "Office closed &lt;Friday&gt;");
        Assert.Contains(renders, r => r.GetProperty("channel").GetString() == "line" && r.GetProperty("text").GetString() == "Office closed <Friday>");

        using var created = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts", cookie, new { texts, fallback = "en", filter = new { } });
        created.EnsureSuccessStatusCode();
        var job = (await created.Content.ReadFromJsonAsync<BroadcastPreview>(DashboardEndpointTests.Json))!;
        Assert.Equal(3, job.Total);
        using var confirmed = await host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{job.JobId}/confirm", cookie);
        confirmed.EnsureSuccessStatusCode();
        await BroadcastTests.WaitForDoneAsync(host, cookie, job.JobId!);

        Assert.Equal("Office closed on Friday", Assert.Single(Telegram.Transcript(6001)).Text);
        Assert.Equal("Văn phòng đóng cửa thứ Sáu", Assert.Single(Telegram.Transcript(6002)).Text);
        Assert.Equal("Office closed on Friday", Assert.Single(Telegram.Transcript(6003)).Text);
    }

    [Fact]
    public async Task ThePreviewShowsANoticeNamingADateAsTheCardLineWillSend()
    {
        await AdvisorTestHost.SeedAsync(Redis, "tg:6011");
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line, time: new FakeTimeProvider(Day));
        var cookie = await host.LoginAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts/preview", cookie,
            new { text = "Extension documents\nBring your documents to room 101 by 2026-12-20.", filter = new { } });
        var renders = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("renders").EnumerateArray().ToList();

        var line = Assert.Single(renders, r => r.GetProperty("channel").GetString() == "line");
        Assert.Equal("📢 Extension documents", line.GetProperty("cardTitle").GetString());
        Assert.Equal("2026-12-20", line.GetProperty("cardDeadline").GetString());
        Assert.Equal("Bring your documents to room 101 by 2026-12-20.", line.GetProperty("text").GetString());

        // A past date, or none: plain text on LINE, so no card in the preview either.
        using var past = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts/preview", cookie, new { text = "The office moved on 2026-12-01.", filter = new { } });
        var plain = Assert.Single((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("renders").EnumerateArray(), r => r.GetProperty("channel").GetString() == "line");
        Assert.False(plain.TryGetProperty("cardDeadline", out var none) && none.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task AtNightABroadcastWaitsFor8AmTaiwanTimeUnlessUrgent()
    {
        await AdvisorTestHost.SeedAsync(Redis, "tg:6101");
        var time = new FakeTimeProvider(Night);
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line, time: time);
        var cookie = await host.LoginAsync();

        var held = await CreateAsync(host, cookie, "Held until morning", urgent: false);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), held.SendsAt);
        using (var confirmed = await host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{held.JobId}/confirm", cookie))
        {
            Assert.Contains("08:00", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // An urgent one goes out now; the held one has not gone when it is done.
        var urgent = await CreateAsync(host, cookie, "Urgent tonight", urgent: true);
        (await host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{urgent.JobId}/confirm", cookie)).Dispose();
        await BroadcastTests.WaitForDoneAsync(host, cookie, urgent.JobId!);
        Assert.Equal(["Urgent tonight"], Telegram.Transcript(6101).Select(c => c.Text));

        // 07:59 in Taiwan: still held; 08:00: sent.
        time.Advance(new DateTimeOffset(2026, 12, 7, 23, 59, 0, TimeSpan.Zero) - time.GetUtcNow());
        await AssertStatusAsync(host, cookie, held.JobId!, "Scheduled");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => Telegram.Transcript(6101).Count == 2, Timeout, "the held broadcast at 08:00");
        Assert.Equal("Held until morning", Telegram.Transcript(6101)[^1].Text);
    }

    private static async Task<BroadcastPreview> CreateAsync(AdvisorTestHost host, string cookie, string text, bool urgent)
    {
        using var created = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts", cookie, new { text, filter = new { }, urgent });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<BroadcastPreview>(DashboardEndpointTests.Json))!;
    }

    private static async Task AssertStatusAsync(AdvisorTestHost host, string cookie, string id, string status)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/dashboard/api/broadcasts", cookie);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, json.RootElement.EnumerateArray().Single(j => j.GetProperty("id").GetString() == id).GetProperty("status").GetString());
    }
}
