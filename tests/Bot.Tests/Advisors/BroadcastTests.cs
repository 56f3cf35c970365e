using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Advisors;
using Bot.Host.Broadcasts;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using StackExchange.Redis;

namespace Bot.Tests.Advisors;

[Collection(RedisCollection.Name)]
public class BroadcastTests(RedisFixture redis) : BothChannelsTest(redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static string LineUser(int i) => "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ABroadcastReachesEveryTelegramAndLineStudentOnceAndReportsBlockedOnes()
    {
        var tg = Enumerable.Range(2001, 10).ToList();
        var ln = Enumerable.Range(1, 3).Select(LineUser).ToList();
        await AdvisorTestHost.SeedManyAsync(Redis, tg.Select(id => $"tg:{id}").Concat(ln.Select(u => "line:" + u)));
        Telegram.Block(2005);
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line);
        var cookie = await host.LoginAsync();

        var job = await SendFromDashboardAsync(host, cookie, "Reminder: the NIA office is closed on Friday.");
        var report = await WaitForDoneAsync(host, cookie, job);

        foreach (var id in tg.Where(id => id != 2005))
        {
            Assert.Single(Telegram.Transcript(id), c => c.Text == "Reminder: the NIA office is closed on Friday.");
        }

        foreach (var user in ln)
        {
            Assert.Single(Line.MessagesTo(user), m => m.Text == "Reminder: the NIA office is closed on Friday.");
        }

        Assert.Equal((9, 0, 1), Counts(report, "tg"));
        Assert.Equal((3, 0, 0), Counts(report, "line"));
        Assert.Empty(Telegram.Violations);
        Assert.Empty(Line.Violations);
        Assert.All(Line.Requests.Where(r => r.Path.EndsWith("multicast", StringComparison.Ordinal)), r => Assert.True(r.Headers.ContainsKey("X-Line-Retry-Key")));

        // The next broadcast skips the student who blocked the bot without trying.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Assert.True(await connection.GetDatabase().SetContainsAsync(StudentDirectory.BlockedSet, "tg:2005"));
    }

    [Fact]
    public async Task ANoticeWithADeadlineIsACardOnLineWithTheDateProminentAndTheTextAsAltText()
    {
        var ln = Enumerable.Range(31, 2).Select(LineUser).ToList();
        await AdvisorTestHost.SeedManyAsync(Redis, ["tg:2301", .. ln.Select(u => "line:" + u)]);
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line);
        var cookie = await host.LoginAsync();
        const string notice = "Orientation documents\nPlease upload your transcripts to the school portal by 2099-12-20 (before 17:00).";

        await WaitForDoneAsync(host, cookie, await SendFromDashboardAsync(host, cookie, notice));

        Assert.Single(Telegram.Transcript(2301), c => c.Text == notice);
        foreach (var user in ln)
        {
            var card = Assert.Single(Line.MessagesTo(user)).Message;
            Assert.Equal("flex", (string?)card["type"]);
            Assert.Equal(notice, (string?)card["altText"]);
            Assert.Equal("📢 Orientation documents", (string?)card["contents"]!["header"]!["contents"]![0]!["text"]);
            var body = card["contents"]!["body"]!["contents"]!.AsArray();
            Assert.Equal("2099-12-20", (string?)body[0]!["contents"]![1]!["text"]);
            Assert.Equal("xxl", (string?)body[0]!["contents"]![1]!["size"]);
            Assert.StartsWith("Please upload your transcripts", (string?)body[2]!["text"], StringComparison.Ordinal);
        }

        Assert.Empty(Line.Violations);
    }

    [Theory]
    [InlineData("The office is closed on Friday.", null)]
    [InlineData("Last year's deadline was 2020-01-10; this year's is 2099年3月5日.", "2099-03-05")]
    [InlineData("Bring it by 2099/1/9.", "2099-01-09")]
    [InlineData("Not a date: 2099-13-45.", null)]
    public void ANoticeIsACardOnlyWhenItNamesADateStillToCome(string text, string? deadline)
    {
        var message = Bot.Host.Line.LineDeadlineCards.ForNotice(text, new DateOnly(2026, 12, 5));

        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(message, Bot.Host.Line.Api.LineJsonContext.Default.LineMessage))!;
        Assert.Equal(deadline is null ? "text" : "flex", (string?)json["type"]);
        if (deadline is not null)
        {
            Assert.Equal(deadline, (string?)json["contents"]!["body"]!["contents"]![0]!["contents"]![1]!["text"]);
        }
    }

    [Fact]
    public async Task AStudentWhoUnblocksTheBotAndWritesAgainIsInTheNextBroadcastAndGetsRemindersAgain()
    {
        await AdvisorTestHost.SeedManyAsync(Redis, ["tg:2101", "tg:2102"]);
        Telegram.Block(2102);
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line);
        var cookie = await host.LoginAsync();
        Assert.Equal((1, 0, 1), Counts(await WaitForDoneAsync(host, cookie, await SendFromDashboardAsync(host, cookie, "First notice")), "tg"));

        // A reminder found them blocked too.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        await connection.GetDatabase().SetAddAsync(Bot.Host.Reminders.ReminderStore.Blocked, "tg:2102");

        // They unblock the bot and press Start: the bot answers them.
        Telegram.Unblock(2102);
        Telegram.EnqueueCommand(2102, "/start");
        await Telegram.WaitForCallsAsync(2102, 1, Timeout);

        var report = await WaitForDoneAsync(host, cookie, await SendFromDashboardAsync(host, cookie, "Second notice"));
        Assert.Equal((2, 0, 0), Counts(report, "tg"));
        Assert.Single(Telegram.Transcript(2102), c => c.Text == "Second notice");
        Assert.False(await connection.GetDatabase().SetContainsAsync(StudentDirectory.BlockedSet, "tg:2102"));
        Assert.False(await connection.GetDatabase().SetContainsAsync(Bot.Host.Reminders.ReminderStore.Blocked, "tg:2102"));
    }

    [Fact]
    public async Task ConfirmAndCancelAtTheSameMomentNeverBothWinAndACancelledBroadcastReachesNobody()
    {
        await AdvisorTestHost.SeedManyAsync(Redis, ["tg:2201", "tg:2202"]);
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line);
        var cookie = await host.LoginAsync();
        var jobs = new List<(string Id, string Text)>();
        for (var i = 0; i < 20; i++)
        {
            using var created = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts", cookie, new { text = $"Race notice {i}", filter = new { }, urgent = true });
            jobs.Add(((await created.Content.ReadFromJsonAsync<BroadcastPreview>(DashboardEndpointTests.Json))!.JobId!, $"Race notice {i}"));
        }

        // Two advisors (or a double click) press Send and Cancel on the same drafts at the same moment.
        var outcomes = await Task.WhenAll(jobs.Select(async job =>
        {
            var confirm = host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{job.Id}/confirm", cookie);
            var cancel = host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{job.Id}/cancel", cookie);
            using var confirmed = await confirm;
            using var cancelled = await cancel;
            return (job.Id, job.Text, Confirmed: confirmed.IsSuccessStatusCode, Cancelled: cancelled.IsSuccessStatusCode);
        }));

        foreach (var outcome in outcomes)
        {
            // One of them won; a confirmation then a cancel before the job started is fine, and then nothing is sent.
            Assert.True(outcome.Confirmed || outcome.Cancelled, outcome.ToString());
            if (!outcome.Cancelled)
            {
                await WaitForDoneAsync(host, cookie, outcome.Id);
            }
        }

        // A marker broadcast after everything: once it is out, anything a cancelled job might still send would be too.
        await WaitForDoneAsync(host, cookie, await SendFromDashboardAsync(host, cookie, "Marker"));
        foreach (var outcome in outcomes)
        {
            var expected = outcome.Cancelled ? 0 : 1;
            Assert.All(new long[] { 2201, 2202 }, id => Assert.Equal(expected, Telegram.Transcript(id).Count(c => c.Text == outcome.Text)));
        }

        // Nothing cancelled lingers in the schedule.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Assert.Equal(0, await connection.GetDatabase().SortedSetLengthAsync(BroadcastStore.Due));
    }

    [Fact]
    public async Task AnAdvisorBroadcastsFromTelegramAfterConfirmingAndGetsADeliveryReport()
    {
        await AdvisorTestHost.SeedAsync(Redis, "tg:3001", s => { s.Phase = "Submitted"; s.ReceiptNumber = "111122223333"; });
        await AdvisorTestHost.SeedAsync(Redis, "tg:3002");
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line);

        Telegram.EnqueueCommand(AdvisorTestHost.AdvisorTelegramId, "broadcast", "stage=submitted urgent=yes Please pay the ARC fee this week.");
        var preview = (await Telegram.WaitForCallsAsync(AdvisorTestHost.AdvisorTelegramId, 1, Timeout))[0];
        Assert.Contains("Audience: 1 students", preview.Text, StringComparison.Ordinal);
        var confirm = preview.CallbackData.Single(d => d.StartsWith("bc:ok:", StringComparison.Ordinal));

        Telegram.EnqueueCallback(AdvisorTestHost.AdvisorTelegramId, preview.MessageId!.Value, confirm);
        var student = await Telegram.WaitForCallsAsync(3001, 1, Timeout);
        Assert.Equal("Please pay the ARC fee this week.", student[0].Text);

        var advisor = await Telegram.WaitForCallsAsync(AdvisorTestHost.AdvisorTelegramId, 3, Timeout);
        Assert.Contains(advisor, c => c.Text?.Contains("Telegram: 1 sent, 0 failed, 0 blocked", StringComparison.Ordinal) == true);
        Assert.Empty(Telegram.Transcript(3002));
    }

    [Fact]
    public async Task ALineBroadcastOverTheMonthlyQuotaIsRefusedBeforeConfirmation()
    {
        await AdvisorTestHost.SeedManyAsync(Redis, Enumerable.Range(1, 5).Select(i => "line:" + LineUser(i)));
        Line.QuotaType = "limited";
        Line.QuotaValue = 200;
        Line.TotalUsage = 197;
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line);
        var cookie = await host.LoginAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts", cookie, new { text = "Hello", filter = new { } });
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<BroadcastPreview>(DashboardEndpointTests.Json))!;
        Assert.Equal(5, preview.LineCost);
        Assert.Equal(3, preview.LineQuotaRemaining);
        Assert.Contains("only 3 are left", preview.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(Line.Requests, r => r.Path.EndsWith("multicast", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AScheduledBroadcastWaitsForItsTime()
    {
        // On the host's clock (11:00 in Taiwan): due in an hour, it waits for the clock, not for a sleep of the test.
        await AdvisorTestHost.SeedAsync(Redis, "tg:4001");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        await using var host = await AdvisorTestHost.StartAsync(Redis, Telegram, Line, time: time);
        var cookie = await host.LoginAsync();

        var job = await SendFromDashboardAsync(host, cookie, "Later", time.GetUtcNow().AddHours(1));
        time.Advance(TimeSpan.FromMinutes(59));
        using (var status = await host.SendAsync(HttpMethod.Get, "/dashboard/api/broadcasts", cookie))
        {
            var entry = (await status.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(j => j.GetProperty("id").GetString() == job);
            Assert.Equal("Scheduled", entry.GetProperty("status").GetString());
        }

        Assert.Empty(Telegram.Transcript(4001));
        time.Advance(TimeSpan.FromMinutes(1));
        await WaitForDoneAsync(host, cookie, job);
        Assert.Single(Telegram.Transcript(4001));
    }

    [Fact]
    public async Task ABroadcastInterruptedByARestartResumesAndSendsEachStudentExactlyOnce()
    {
        var ids = Enumerable.Range(5001, 30).ToList();
        await AdvisorTestHost.SeedManyAsync(Redis, ids.Select(id => $"tg:{id}"));
        var slow = new Dictionary<string, string?> { ["Broadcasts:TelegramMessagesPerSecond"] = "6" };
        string job;
        string cookie;
        await using (var first = await AdvisorTestHost.StartAsync(Redis, Telegram, Line, slow))
        {
            cookie = await first.LoginAsync();
            job = await SendFromDashboardAsync(first, cookie, "Resumable notice");
            await Telegram.WaitUntilAsync(t => ids.Count(id => t.Transcript(id).Count > 0) >= 5, Timeout);
        }

        var beforeRestart = ids.Count(id => Telegram.Transcript(id).Count > 0);
        Assert.InRange(beforeRestart, 5, 29);

        await using var second = await AdvisorTestHost.StartAsync(Redis, Telegram, Line);
        cookie = await second.LoginAsync();
        var report = await WaitForDoneAsync(second, cookie, job);
        Assert.All(ids, id => Assert.Single(Telegram.Transcript(id)));
        Assert.Equal((30, 0, 0), Counts(report, "tg"));
    }

    internal static async Task<string> SendFromDashboardAsync(AdvisorTestHost host, string cookie, string text, DateTimeOffset? at = null)
    {
        using var created = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts", cookie, new { text, filter = new { }, at, urgent = true });
        created.EnsureSuccessStatusCode();
        var preview = (await created.Content.ReadFromJsonAsync<BroadcastPreview>(DashboardEndpointTests.Json))!;
        using var confirmed = await host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{preview.JobId}/confirm", cookie);
        confirmed.EnsureSuccessStatusCode();
        return preview.JobId!;
    }

    internal static async Task<JsonElement> WaitForDoneAsync(AdvisorTestHost host, string cookie, string job)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            using var response = await host.SendAsync(HttpMethod.Get, "/dashboard/api/broadcasts", cookie);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var entry = json.RootElement.EnumerateArray().Single(j => j.GetProperty("id").GetString() == job);
            if (entry.GetProperty("status").GetString() == "Done")
            {
                return entry.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, "The broadcast did not finish: " + entry);
            await Task.Delay(100);
        }
    }

    private static (long Sent, long Failed, long Blocked) Counts(JsonElement job, string channel)
    {
        var c = job.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);
        return (c.GetProperty("sent").GetInt64(), c.GetProperty("failed").GetInt64(), c.GetProperty("blocked").GetInt64());
    }
}
