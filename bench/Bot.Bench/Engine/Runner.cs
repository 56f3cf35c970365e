using System.Diagnostics;
using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>Queues updates on the fake in the three ways the issue asks for and reports what the host did with them.</summary>
public sealed class Runner(FakeBotApi fake, IConnectionMultiplexer admin, IConnectionMultiplexer hostRedis)
{
    private Dictionary<string, long> lastStats = [];
    private string lastStatsName = string.Empty;

    public async Task<(double Rate, string Latency)> DrainAsync(string name, int firstUser, int users, byte[]? seed, Step[] steps, bool print = true)
    {
        var counts = Student.Run(seed, steps).Messages;
        await SeedAsync(firstUser, users, seed);
        var before = await CommandStatsAsync();
        var opsBefore = hostRedis.GetCounters().Interactive.OperationCount;
        var sentBefore = fake.MessagesSent;
        var items = new List<(long, Func<long, byte[]>, int)>(users * steps.Length);
        for (var k = 0; k < steps.Length; k++)
        {
            for (var u = firstUser; u < firstUser + users; u++)
            {
                var chat = Student.ChatId(u);
                var step = steps[k];
                items.Add((chat, id => Student.UpdateJson(id, chat, step), counts[k]));
            }
        }

        var target = fake.Completed + items.Count;
        var released = fake.Release(items);
        var start = released[0].AvailableAt;
        await WaitAsync(target);
        var last = released.Max(u => u.DoneAt);
        var seconds = Stopwatch.GetElapsedTime(start, last).TotalSeconds;
        var after = await CommandStatsAsync();
        var ops = hostRedis.GetCounters().Interactive.OperationCount - opsBefore;
        var diff = after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
        var turns = (double)items.Count;
        var scripts = (diff.GetValueOrDefault("evalsha") + diff.GetValueOrDefault("eval")) / turns;
        var latency = Percentiles.Summary(released.Select(u => Stopwatch.GetElapsedTime(u.AvailableAt, u.FirstReplyAt).TotalMilliseconds).ToList());
        if (print)
        {
            Console.WriteLine($"| {name} | {users:N0} x {steps.Length} | {(fake.MessagesSent - sentBefore) / turns:F2} | {items.Count / seconds:N0} | {latency} | {scripts:F2} scripts + {(diff.GetValueOrDefault("zadd") / turns):F2} zadd | {ops / turns:F2} |");
        }

        if (name.StartsWith("valid text", StringComparison.Ordinal))
        {
            lastStats = diff;
            lastStatsName = $"{name}, {items.Count} turns";
        }

        return (items.Count / seconds, latency);
    }

    /// <summary>Releases updates on a fixed schedule (rate per second), whatever the host does: latency under a given offered load.</summary>
    public async Task OpenLoopAsync(int rate, int firstUser, int users, byte[]? seed, Step[] steps)
    {
        var counts = Student.Run(seed, steps).Messages;
        await SeedAsync(firstUser, users, seed);
        var plan = new List<(long Chat, Func<long, byte[]> Json, int Messages)>();
        for (var k = 0; k < steps.Length; k++)
        {
            for (var u = firstUser; u < firstUser + users; u++)
            {
                var chat = Student.ChatId(u);
                var step = steps[k];
                plan.Add((chat, id => Student.UpdateJson(id, chat, step), counts[k]));
            }
        }

        var target = fake.Completed + plan.Count;
        var released = new List<QueuedUpdate>(plan.Count);
        var releaser = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            var next = 0;
            while (next < plan.Count)
            {
                var due = Math.Min(plan.Count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
                if (due > next)
                {
                    released.AddRange(fake.Release(plan.GetRange(next, due - next)));
                    next = due;
                }

                Thread.Sleep(1);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        releaser.Start();
        releaser.Join();
        await WaitAsync(target);
        var seconds = Stopwatch.GetElapsedTime(released[0].AvailableAt, released.Max(u => u.DoneAt)).TotalSeconds;
        var latencies = released.Select(u => Stopwatch.GetElapsedTime(u.AvailableAt, u.FirstReplyAt).TotalMilliseconds).ToList();
        Console.WriteLine($"| {rate:N0} updates/s | {plan.Count:N0} | {plan.Count / seconds:N0} | {Percentiles.Summary(latencies)} |");
    }

    /// <summary>Each student sends their next answer as soon as the previous turn's messages arrived; the fake allows 30 messages/s.</summary>
    public async Task ClosedLoopAsync(int firstUser, Step[] steps, TimeSpan duration)
    {
        var counts = Student.Run(null, steps).Messages;
        var position = new Dictionary<long, int>();
        var perStudent = new Dictionary<long, int>();
        var done = new List<QueuedUpdate>();
        var stop = false;
        var gate = new Lock();
        for (var u = firstUser; u < firstUser + 200; u++)
        {
            position[Student.ChatId(u)] = 0;
            perStudent[Student.ChatId(u)] = 0;
        }

        var sentBefore = fake.MessagesSent;
        var rejectedBefore = fake.Rejected;
        fake.TurnDone = update =>
        {
            int next;
            lock (gate)
            {
                if (!position.ContainsKey(update.Chat))
                {
                    return;
                }

                done.Add(update);
                perStudent[update.Chat]++;
                next = ++position[update.Chat];
                if (stop || next >= steps.Length)
                {
                    return;
                }
            }

            var chat = update.Chat;
            fake.Release([(chat, id => Student.UpdateJson(id, chat, steps[next]), counts[next])]);
        };
        var start = Stopwatch.GetTimestamp();
        fake.Release(position.Keys.Select(chat => (chat, (Func<long, byte[]>)(id => Student.UpdateJson(id, chat, steps[0])), counts[0])).ToList());
        await Task.Delay(duration);
        List<QueuedUpdate> finished;
        lock (gate)
        {
            stop = true;
            finished = [.. done];
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var sent = fake.MessagesSent - sentBefore;
        var toFirstMessage = finished.Select(u => Stopwatch.GetElapsedTime(u.AvailableAt, u.FirstMessageAt).TotalMilliseconds).ToList();
        var toDone = finished.Select(u => Stopwatch.GetElapsedTime(u.AvailableAt, u.DoneAt).TotalMilliseconds).ToList();
        toFirstMessage.Sort();
        var turns = perStudent.Values.Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"30 messages/s limit, 200 students answering as fast as they can, {duration.TotalSeconds:F0} s:");
        Console.WriteLine($"turns {finished.Count} = {finished.Count / seconds:F1} turns/s; messages sent {sent} ({(double)sent / Math.Max(1, finished.Count):F2}/turn), 429 answers {fake.Rejected - rejectedBefore}");
        Console.WriteLine($"latency to first message p50/p95/p99/max: {Percentiles.Summary(toFirstMessage)} ms (p99/p50 = {Percentiles.Of(toFirstMessage, 99) / Percentiles.Of(toFirstMessage, 50):F2}); to last message: {Percentiles.Summary(toDone)} ms");
        Console.WriteLine($"turns per student min/median/max: {turns[0]}/{turns[turns.Count / 2]}/{turns[^1]}; students with no finished turn: {turns.Count(t => t == 0)}");
        fake.TurnDone = null;

        // Let the turns in flight finish before the host stops.
        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    public void PrintCommandStats()
    {
        Console.WriteLine();
        Console.WriteLine($"INFO commandstats difference over '{lastStatsName}' (commands inside Lua scripts are counted too):");
        foreach (var (command, calls) in lastStats.Where(p => p.Value > 0).OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {command}: {calls}");
        }
    }

    private async Task WaitAsync(long target)
    {
        var watch = Stopwatch.StartNew();
        while (fake.Completed < target)
        {
            if (watch.Elapsed > EngineBenchmark.Timeout)
            {
                throw new TimeoutException($"Only {fake.Completed} of {target} updates were answered within {EngineBenchmark.Timeout}.");
            }

            await Task.Delay(2);
        }
    }

    private async Task SeedAsync(int firstUser, int users, byte[]? seed)
    {
        if (seed is null)
        {
            return;
        }

        var db = admin.GetDatabase();
        var writes = new List<Task>(users);
        for (var u = firstUser; u < firstUser + users; u++)
        {
            writes.Add(db.StringSetAsync("st:{tg:" + Student.ChatId(u) + "}", seed, TimeSpan.FromDays(400)));
        }

        await Task.WhenAll(writes);
    }

    private Task<Dictionary<string, long>> CommandStatsAsync() => RedisCommandStats.ReadAsync(admin);
}
