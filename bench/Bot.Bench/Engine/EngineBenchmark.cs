using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Bot.Host;
using Bot.Host.Reminders;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>
/// End to end: a real redis-server, the fake Bot API and the real host (polling, work queue, Lua turns, Telegram.Bot).
/// Every scenario is bounded in count and time, and all traffic stays on 127.0.0.1.
/// </summary>
public static class EngineBenchmark
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Each round is 6,000 turns (valid, invalid, button): with the /start round, ~50,000 turns before measuring.</summary>
    private const int WarmUpRounds = 8;

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
                [BenchKey.Setting] = BenchKey.Value,
                ["Telegram:BotToken"] = "123:abc",
                ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
                ["LocalChat:Enabled"] = "false",

                // Bench students take thousands of turns in seconds: the per-student limits would measure themselves.
                ["Limits:TurnBurst"] = "10000",
                ["Limits:TurnsPerMinute"] = "10000",

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

        if (only is "cold")
        {
            // A host that has just started and finds a backlog: no warm-up at all, then the same drain again and again
            // while the JIT tiers the hot path up (the first rows are the restart case, the last ones the steady state).
            await TextDrainsAsync(run, Next, atSurname, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8);
        }
        else
        {
            // Warm-up: every path the scenarios take, until tiered compilation (with dynamic PGO) has promoted the hot code:
            // on this machine the drain rate keeps rising for the first ~30,000 turns after start ('engine cold' shows the curve).
            await run.DrainAsync("warm-up", Next(2000), 2000, null, [Step.Say("/start"), Step.Say("hello")], print: false);
            for (var round = 0; round < WarmUpRounds; round++)
            {
                await run.DrainAsync("warm-up", Next(1000), 1000, atSurname, [Step.Say("nguyen"), Step.Say("van an")], print: false);
                await run.DrainAsync("warm-up", Next(1000), 1000, atSurname, [Step.Say("n4m3!!"), Step.Say("#1")], print: false);
                await run.DrainAsync("warm-up", Next(1000), 1000, atChineseName, [Step.Press("nav:skip"), Step.Press("v:two")], print: false);
            }
        }

        if (only is "text")
        {
            // The valid-answer drain alone, several times: the run-to-run spread, and a steady window for a profiler.
            await TextDrainsAsync(run, Next, atSurname, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
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
            var plans = new List<long>();
            foreach (var u in Enumerable.Range(first, 200))
            {
                var student = new StudentKey("tg", Student.ChatId(u).ToString(CultureInfo.InvariantCulture));
                var tag = student.Tag;
                var st = await MemoryUsageAsync(db, StudentStore.RecordKey(student));
                var ob = await MemoryUsageAsync(db, StudentStore.OutboxKey(student));
                var plan = await MemoryUsageAsync(db, ReminderStore.PlanKey(student));
                sizes.Add(st + ob + plan);
                plans.Add(plan);
                if (u == first)
                {
                    Console.WriteLine($"student {tag}: record {st} B, outbox {ob} B, reminder plan {plan} B (MEMORY USAGE); record value {(await db.StringGetAsync(StudentStore.RecordKey(student))).Length()} B, outbox value {(await db.StringGetAsync(StudentStore.OutboxKey(student))).Length()} B");
                }
            }

            // Shared structures, per member: the students index (every student) and the due reminders (submitted students only).
            var index = await MemoryUsageAsync(db, StudentStore.StudentsIndex);
            var known = await db.SortedSetLengthAsync("students");
            var due = await MemoryUsageAsync(db, ReminderStore.Due);
            var planned = plans.Count(p => p > 0);
            Console.WriteLine($"bytes per student at rest: record+outbox+plan avg {sizes.Average():F0} B, max {sizes.Max()} B; students index {index} B for {known} students = {(double)index / known:F0} B each; due reminders {due} B for {planned} students with a plan = {(double)due / Math.Max(1, planned):F0} B each");
        }

        if (only is "all" or "limit")
        {
            fake.MessageLimit = 30;
            fake.ResetBucket();
            Console.WriteLine("(host unpaced until its first 429, then paced by flood control)");
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

        if (only is "all" or "window")
        {
            // Telegram's real flood control (a sliding second), 200 students answering 8 fields each, the host as shipped.
            await app.StopAsync();
            await app.DisposeAsync();
            app = Host("29");
            await app.StartAsync();
            var students = only == "window" && args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
            await RateLimitScenario.RunAsync(fake, admin, Next(students), students, atSurname, Timeout);
        }

        var known2 = await db.SortedSetLengthAsync("students");
        var keys = (long)await db.ExecuteAsync("DBSIZE");
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"process (host + fake + harness): peak RSS {PeakRssMb()} MB, RSS now {self.WorkingSet64 / (1024 * 1024)} MB, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB; students known {known2}, Redis keys {keys}, used_memory {await UsedMemoryAsync(db)}");
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task TextDrainsAsync(Runner run, Func<int, int> next, byte[] atSurname, int rounds)
    {
        const int Users = 5000;
        Step[] steps = [Step.Say("nguyen"), Step.Say("van an")];
        Console.WriteLine();
        Console.WriteLine("| Scenario (drain) | Users x updates | Messages/turn | Drain (updates/s) | p50 | p95 | p99 | max (ms) | Redis calls/turn (server) | Redis ops/turn (client) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var jit = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            using var self = Process.GetCurrentProcess();
            var (methods, jitTime, cpu) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime(), self.TotalProcessorTime);
            var (gcs, paused, allocated) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
            await run.DrainAsync("valid text answer (surname, given names)", next(Users), Users, atSurname, steps);
            self.Refresh();
            jit.Add($"round {round + 1}: {JitInfo.GetCompiledMethodCount() - methods} methods compiled, {(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms JIT of {(self.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU; "
                + $"{GC.CollectionCount(0) - gcs} GCs pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms, {(GC.GetTotalAllocatedBytes() - allocated) / (Users * steps.Length) / 1024.0:F1} KB allocated per update (whole process)");
        }

        // The JIT's and the GC's share of each round (tier-0, then tier-1 with dynamic PGO, in the background).
        jit.ForEach(Console.WriteLine);
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

    /// <summary>MEMORY USAGE of a key in bytes (0 when it does not exist).</summary>
    private static async Task<long> MemoryUsageAsync(IDatabase db, RedisKey key)
    {
        var usage = await db.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
        return usage.IsNull ? 0 : (long)usage;
    }

    private static async Task<string> UsedMemoryAsync(IDatabase db)
    {
        var info = (string?)await db.ExecuteAsync("INFO", "memory") ?? string.Empty;
        return info.Split('\n').FirstOrDefault(l => l.StartsWith("used_memory_human:", StringComparison.Ordinal))?.Trim() ?? "?";
    }

    /// <summary>How long scenarios may take before the benchmark gives up on them.</summary>
    public static TimeSpan Timeout => ScenarioTimeout;
}
