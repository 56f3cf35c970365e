using System.Diagnostics;
using Bot.Host;
using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>
/// End to end: a real redis-server, the fake Bot API and the real host (polling, work queue, Lua turns, Telegram.Bot).
/// Every scenario is bounded in count and time, and all traffic stays on 127.0.0.1.
/// </summary>
public static class EngineBenchmark
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(120);

    public static async Task RunAsync(string[] args)
    {
        var only = args.Length > 1 ? args[1] : "all";
        Console.WriteLine($"machine: nproc={Environment.ProcessorCount} .NET {Environment.Version} server GC={System.Runtime.GCSettings.IsServerGC}");

        if (only is "all" or "echo")
        {
            Console.WriteLine($"echo ceiling (fake + trivial HttpClient bot, 1,000 users x 20): {await EchoCeiling.RunAsync(1000, 20):F0} updates/s");
            Console.WriteLine($"echo ceiling (second run): {await EchoCeiling.RunAsync(1000, 20):F0} updates/s");
        }

        using var redis = await RedisProcess.StartAsync();
        await using var fake = new FakeBotApi();
        await fake.StartAsync();
        WebApplication Host(string? messagesPerSecond) => BotApp.Create([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:MessagesPerSecond"] = messagesPerSecond,
                ["ConnectionStrings:Redis"] = $"127.0.0.1:{redis.Port}",
                ["Telegram:BotToken"] = "123:abc",
                ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
                ["LocalChat:Enabled"] = "false",

                // As in the host's appsettings.json.
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Polly"] = "Warning",
            });
        });
        var app = Host("0");
        await app.StartAsync();
        using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = admin.GetDatabase();
        var hostRedis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        var run = new Runner(fake, admin, hostRedis);

        // Seeds: the state of a student about to answer their surname, and one about to skip the Chinese name.
        var atChineseName = Student.Run(null, [Step.Say("hello"), Step.Press("lang:en"), Step.Press("v:ext")]).Record;
        var atSurname = Student.Run(atChineseName, [Step.Press("nav:skip"), Step.Press("v:two")]).Record;
        var users = 0;
        int Next(int n)
        {
            var first = users;
            users += n;
            return first;
        }

        // Warm-up: JIT (every path the scenarios take, so tiered compilation has promoted them), connections, script cache.
        await run.DrainAsync("warm-up", Next(2000), 2000, null, [Step.Say("/start"), Step.Say("hello")], print: false);
        for (var round = 0; round < 3; round++)
        {
            await run.DrainAsync("warm-up", Next(1000), 1000, atSurname, [Step.Say("nguyen"), Step.Say("n4m3!!")], print: false);
            await run.DrainAsync("warm-up", Next(1000), 1000, atChineseName, [Step.Press("nav:skip"), Step.Press("v:two")], print: false);
        }

        if (only is "all" or "drain")
        {
            Console.WriteLine();
            Console.WriteLine("| Scenario (drain) | Users x updates | Messages/turn | Drain (updates/s) | p50 | p95 | p99 | max (ms) | Redis calls/turn (server) | Redis ops/turn (client) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            await run.DrainAsync("/start (new students)", Next(5000), 5000, null, [Step.Say("/start"), Step.Say("/start")]);
            await run.DrainAsync("valid text answer (surname, given names)", Next(5000), 5000, atSurname, [Step.Say("nguyen"), Step.Say("van an")]);
            await run.DrainAsync("invalid answer (error + question again)", Next(5000), 5000, atSurname, [Step.Say("n4m3!!"), Step.Say("#1")]);
            await run.DrainAsync("button press (callback query)", Next(5000), 5000, atChineseName, [Step.Press("nav:skip"), Step.Press("v:two")]);
            run.PrintCommandStats();
        }

        if (only is "all" or "open")
        {
            Console.WriteLine();
            Console.WriteLine("| Offered load (open loop, valid text answers) | Updates | Achieved (updates/s) | p50 | p95 | p99 | max (ms) |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            await run.OpenLoopAsync(500, Next(2500), 2500, atSurname, [Step.Say("nguyen"), Step.Say("van an")]);
            await run.OpenLoopAsync(1000, Next(5000), 5000, atSurname, [Step.Say("nguyen"), Step.Say("van an")]);
            await run.OpenLoopAsync(2000, Next(5000), 5000, atSurname, [Step.Say("nguyen"), Step.Say("van an")]);
        }

        if (only is "all" or "size")
        {
            var first = Next(200);
            await run.DrainAsync("complete application (48 turns)", first, 200, null, Student.FullApplication, print: true);
            var (record, _, last) = Student.Run(null, Student.FullApplication);
            Console.WriteLine($"offline: final reply starts \"{last.Replies[0].PlainText[..Math.Min(60, last.Replies[0].PlainText.Length)]}\", record {record.Length} bytes JSON");
            var sizes = new List<long>();
            foreach (var u in Enumerable.Range(first, 200))
            {
                var tag = "{tg:" + Student.ChatId(u) + "}";
                var st = (long)(await db.ExecuteAsync("MEMORY", "USAGE", "st:" + tag, "SAMPLES", "0"));
                var ob = (long)(await db.ExecuteAsync("MEMORY", "USAGE", "ob:" + tag, "SAMPLES", "0"));
                sizes.Add(st + ob);
                if (u == first)
                {
                    Console.WriteLine($"student {tag}: record {st} B, outbox {ob} B (MEMORY USAGE); record value {(await db.StringGetAsync("st:" + tag)).Length()} B, outbox value {(await db.StringGetAsync("ob:" + tag)).Length()} B");
                }
            }

            var index = (long)(await db.ExecuteAsync("MEMORY", "USAGE", "students", "SAMPLES", "0"));
            var known = await db.SortedSetLengthAsync("students");
            Console.WriteLine($"bytes per student at rest: record+outbox avg {sizes.Average():F0} B, max {sizes.Max()} B; students index {index} B for {known} students = {(double)index / known:F0} B each");
        }

        if (only is "all" or "limit")
        {
            fake.MessageLimit = 30;
            fake.ResetBucket();
            Console.WriteLine("(host unpaced: relies on Telegram.Bot's retry after 429)");
            await run.ClosedLoopAsync(Next(200), Student.FullApplication, TimeSpan.FromSeconds(30));

            await app.StopAsync();
            await app.DisposeAsync();
            app = Host("29");
            await app.StartAsync();
            fake.ResetBucket();
            Console.WriteLine("(host with Telegram:MessagesPerSecond=29)");
            await run.ClosedLoopAsync(Next(200), Student.FullApplication, TimeSpan.FromSeconds(30));
            fake.MessageLimit = 0;
        }

        var known2 = await db.SortedSetLengthAsync("students");
        var keys = (long)await db.ExecuteAsync("DBSIZE");
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"process (host + fake + harness): peak RSS {PeakRssMb()} MB, RSS now {self.WorkingSet64 / (1024 * 1024)} MB, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB; students known {known2}, Redis keys {keys}, used_memory {await UsedMemoryAsync(db)}");
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public static long PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
            }
        }

        return -1;
    }

    private static async Task<string> UsedMemoryAsync(IDatabase db)
    {
        var info = (string?)await db.ExecuteAsync("INFO", "memory") ?? string.Empty;
        return info.Split('\n').FirstOrDefault(l => l.StartsWith("used_memory_human:", StringComparison.Ordinal))?.Trim() ?? "?";
    }

    /// <summary>How long scenarios may take before the benchmark gives up on them.</summary>
    public static TimeSpan Timeout => ScenarioTimeout;
}
