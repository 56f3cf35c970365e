using System.Diagnostics;
using System.Globalization;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host;
using Bot.Host.Broadcasts;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using StackExchange.Redis;

namespace Bot.Bench.Broadcasts;

/// <summary>
/// One broadcast to N Telegram and M LINE students through the real host, against the Telegram fake limiting at
/// 30 messages/s (429 with retry_after above it) and the LINE fake. Reports time against the platform limit,
/// duplicates and losses. Usage: broadcast [--telegram N] [--line M] [--rate R] [--hosts H]
/// </summary>
public static class BroadcastBenchmark
{
    private const int TelegramLimit = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var telegramCount = Option(args, "--telegram", 10_000);
        var lineCount = Option(args, "--line", 10_000);
        var rate = Option(args, "--rate", 25);
        var hosts = Option(args, "--hosts", 1);
        const string text = "Benchmark notice: the NIA office is closed on Friday.";

        await using var redis = await RedisServer.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var line = await FakeLinePlatform.StartAsync();
        telegram.MessagesPerSecondLimit = TelegramLimit;

        var tgIds = Enumerable.Range(1, telegramCount).Select(i => 100_000_000L + i).ToList();
        var lineIds = Enumerable.Range(1, lineCount).Select(i => "U" + i.ToString("x32", CultureInfo.InvariantCulture)).ToList();
        await SeedAsync(redis.ConnectionString, tgIds.Select(id => "tg:" + id).Concat(lineIds.Select(u => "line:" + u)));

        var apps = new List<WebApplication>();
        for (var h = 0; h < hosts; h++)
        {
            var app = BotApp.Create([], b =>
            {
                b.WebHost.UseUrls("http://127.0.0.1:0");
                b.Logging.ClearProviders();
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Redis"] = redis.ConnectionString,
                    [Engine.BenchKey.Setting] = Engine.BenchKey.Value,
                    ["LocalChat:Enabled"] = "false",
                    ["Telegram:BotToken"] = telegram.Token,
                    ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
                    ["Line:ChannelSecret"] = "bench-secret",
                    ["Line:ChannelAccessToken"] = line.ChannelAccessToken,
                    ["Line:ApiBaseUrl"] = line.ApiBaseUrl,
                    ["Line:DataApiBaseUrl"] = line.DataApiBaseUrl,
                    ["Broadcasts:TelegramMessagesPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
                    ["Broadcasts:PollInterval"] = "00:00:00.200",
                });
            });
            await app.StartAsync();
            apps.Add(app);
        }

        // The records were written directly (as by an older version): the hosts build the roster from them at start.
        var rebuild = apps[0].Services.GetRequiredService<Bot.Host.Roster.RosterRebuild>();
        while (!(await rebuild.StatusAsync()).Built)
        {
            await Task.Delay(100);
        }

        var service = apps[0].Services.GetRequiredService<BroadcastService>();
        var store = apps[0].Services.GetRequiredService<BroadcastStore>();
        var preview = await service.CreateDraftAsync(new BroadcastDraft(BroadcastTexts.ForEveryone(text), new AudienceFilter(), Urgent: true), "dashboard", null, CancellationToken.None);
        Console.WriteLine($"{preview.Describe()}  hosts={hosts} rate={rate}/s telegramLimit={TelegramLimit}/s");
        var clock = Stopwatch.StartNew();
        await service.ConfirmAsync(preview.JobId!, "bench", CancellationToken.None);
        foreach (var app in apps.Skip(1))
        {
            app.Services.GetRequiredService<BroadcastWakeup>().Wake();
        }

        BroadcastJob job;
        var lastPrint = TimeSpan.Zero;
        TimeSpan? lineFinished = null;
        while ((job = (await store.GetAsync(preview.JobId!))!).Status != BroadcastStatus.Done)
        {
            if (lineFinished is null && job.Channels.Single(c => c.Channel == "line").Pending == 0)
            {
                lineFinished = clock.Elapsed;
            }

            if (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(30))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F0} s  " + string.Join("; ", job.Channels.Select(c => $"{c.Channel} sent {c.Sent}")));
            }

            await Task.Delay(100);
        }

        var jobDone = clock.Elapsed;
        var lineDone = lineFinished ?? jobDone;
        clock.Stop();
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        var calls = telegram.Calls;
        var perChat = calls.Where(c => c.Succeeded && c.Text == text).GroupBy(c => c.ChatId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var tooMany = calls.Count(c => c.ErrorCode == 429);
        var tgDuplicates = perChat.Values.Count(n => n > 1);
        var tgLost = tgIds.Count(id => !perChat.ContainsKey(id));
        var sends = calls.Where(c => c.Succeeded && c.Text == text).Select(c => c.Timestamp).Order().ToList();
        var telegramSeconds = sends.Count > 1 ? (sends[^1] - sends[0]).TotalSeconds : 0;
        var maxInAnySecond = MaxInWindow(sends, TimeSpan.FromSeconds(1));

        var delivered = line.Delivered.Where(d => d.Text == text).GroupBy(d => d.UserId).ToDictionary(g => g.Key, g => g.Count());
        var lineDuplicates = delivered.Values.Count(n => n > 1);
        var lineLost = lineIds.Count(u => !delivered.ContainsKey(u));
        var multicasts = line.Requests.Count(r => r.Path.EndsWith("multicast", StringComparison.Ordinal));

        Console.WriteLine();
        Console.WriteLine("| channel | students | delivered | duplicates | lost | time | rate | platform limit | refusals |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| Telegram | {telegramCount} | {perChat.Count} | {tgDuplicates} | {tgLost} | {telegramSeconds:F1} s | {(telegramSeconds > 0 ? sends.Count / telegramSeconds : 0):F2} msg/s (max {maxInAnySecond} in any 1 s window) | {TelegramLimit} msg/s → ≥ {telegramCount / (double)TelegramLimit:F0} s | {tooMany} × 429 |");
        Console.WriteLine($"| LINE | {lineCount} | {delivered.Count} | {lineDuplicates} | {lineLost} | {lineDone.TotalSeconds:F1} s (whole job {jobDone.TotalSeconds:F1} s) | {multicasts} multicasts | 500 per multicast | {line.Violations.Count} spec violations |");
        Console.WriteLine($"Report: {job.ReportText().Replace('\n', ' ')}");
        return tgDuplicates + tgLost + lineDuplicates + lineLost == 0 ? 0 : 1;
    }

    private static int MaxInWindow(List<DateTimeOffset> times, TimeSpan window)
    {
        var max = 0;
        var start = 0;
        for (var i = 0; i < times.Count; i++)
        {
            while (times[i] - times[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, i - start + 1);
        }

        return max;
    }

    private static async Task SeedAsync(string connectionString, IEnumerable<string> keys)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = connection.GetDatabase();
        var now = DateTimeOffset.UtcNow;
        var state = StudentStateJson.Serialize(new StudentState { Phase = "FillingExtension", Language = Language.English, CreatedAt = now, UpdatedAt = now });
        foreach (var chunk in keys.Chunk(1000))
        {
            await Task.WhenAll(chunk.SelectMany(key => new Task[]
            {
                db.StringSetAsync(StudentStore.RecordKey(StudentKey.Parse(key)), state),
                db.SortedSetAddAsync(StudentStore.StudentsIndex, key, now.ToUnixTimeSeconds()),
            }));
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
