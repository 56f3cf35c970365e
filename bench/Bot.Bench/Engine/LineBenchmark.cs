using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Host;
using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>
/// LINE webhooks end to end: a real redis-server, <see cref="FakeLineApi"/>, and the real host (signature check, Lua
/// persist into the sharded inbox streams, consumers, work queue, turn, reply API). Signed bodies of 20 events from many
/// users (text and postbacks interleaved, each user's events in order) are POSTed by a few concurrent senders, each owning
/// its own users, so a user's events arrive in order. Measures events/s until every event got its reply, latency from the
/// POST that carried an event to its reply, and Redis commands per event.
/// </summary>
public static class LineBenchmark
{
    private const string Secret = "bench-channel-secret";
    private const int EventsPerBody = 20;
    private static int Senders = 4;
    private const int Capacity = 100_000;

    public static async Task RunAsync(string[] args)
    {
        var senders = args.Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        Senders = senders > 0 ? senders : 4;
        Console.WriteLine($"senders: {Senders}");
        Console.WriteLine($"machine: nproc={Environment.ProcessorCount} .NET {Environment.Version} server GC={System.Runtime.GCSettings.IsServerGC}");
        using var redis = await RedisProcess.StartAsync();
        await using var fake = new FakeLineApi(Capacity);
        await fake.StartAsync();
        var app = BotApp.Create([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = $"127.0.0.1:{redis.Port}",
                [BenchKey.Setting] = BenchKey.Value,
                ["Telegram:BotToken"] = "",
                ["LocalChat:Enabled"] = "false",

                // Bench students take thousands of turns in seconds: the per-student limits would measure themselves.
                ["Limits:TurnBurst"] = "10000",
                ["Limits:TurnsPerMinute"] = "10000",
                ["Line:ChannelSecret"] = Secret,
                ["Line:ChannelAccessToken"] = "bench-token",
                ["Line:ApiBaseUrl"] = fake.BaseUrl,
                ["Line:DataApiBaseUrl"] = fake.BaseUrl,
                ["Bot:PublicBaseUrl"] = "http://127.0.0.1:5080",

                // As in the host's appsettings.json.
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Polly"] = "Warning",
            });
        });
        await app.StartAsync();
        var webhook = app.Urls.First().TrimEnd('/') + Bot.Host.Line.LineWebhookEndpoint.Path;
        using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var hostRedis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders });
        var run = new Run(fake, admin, hostRedis, http, webhook);

        // The first 20 turns of the application: greeting, language and visa buttons, names, nationality, dates...
        var steps = Student.FullApplication[..20];
        await run.DrainAsync("warm-up", 500, steps, print: false);
        Console.WriteLine();
        Console.WriteLine("| Scenario (drain) | Users x events | Events | Drain (events/s) | POSTs done (events/s) | p50 | p95 | p99 | max (ms) | Redis calls/event (server) | Redis ops/event (client) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        await run.DrainAsync("mixed text + postbacks, run 1", 1000, steps);
        await run.DrainAsync("mixed text + postbacks, run 2", 1000, steps);
        run.PrintCommandStats();
        Console.WriteLine($"fake LINE: replies {fake.Replies}, pushes {fake.Pushes}, other calls {fake.Others}");
        Console.WriteLine($"process (host + fake + harness): peak RSS {EngineBenchmark.PeakRssMb()} MB");
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class Run(FakeLineApi fake, IConnectionMultiplexer admin, IConnectionMultiplexer hostRedis, HttpClient http, string webhook)
    {
        private readonly long[] postedAt = new long[Capacity];
        private readonly bool[] expectsReply = new bool[Capacity];
        private int nextEvent;
        private int nextUser;
        private Dictionary<string, long> lastDiff = [];
        private int lastEvents;
        private readonly List<string> cpuNotes = [];

        public async Task DrainAsync(string name, int users, Step[] steps, bool print = true)
        {
            var counts = Student.Run(null, steps).Messages;
            var firstUser = nextUser;
            nextUser += users;
            var firstEvent = nextEvent;
            var total = users * steps.Length;
            nextEvent += total;

            // Each sender owns the users u % Senders == s, and sends their events step by step: a user's events stay in order.
            var plans = new List<(int Index, int User, int Step)>[Senders];
            for (var s = 0; s < Senders; s++)
            {
                plans[s] = [];
            }

            var index = firstEvent;
            for (var k = 0; k < steps.Length; k++)
            {
                for (var u = firstUser; u < firstUser + users; u++)
                {
                    expectsReply[index] = counts[k] > 0;
                    plans[u % Senders].Add((index++, u, k));
                }
            }

            var before = await CommandStatsAsync();
            var opsBefore = hostRedis.GetCounters().Interactive.OperationCount;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var redisCpuBefore = await RedisCpuAsync();
            var gcBefore = GC.CollectionCount(0);
            var start = Stopwatch.GetTimestamp();
            var senders = plans.Select(plan => Task.Run(() => SendAsync(plan, steps))).ToArray();
            await Task.WhenAll(senders);
            var postsDone = Stopwatch.GetTimestamp();
            var expected = Enumerable.Range(firstEvent, total).Where(i => expectsReply[i]).ToList();
            var watch = Stopwatch.StartNew();
            while (expected.Any(i => fake.RepliedAt(i) == 0))
            {
                if (watch.Elapsed > EngineBenchmark.Timeout)
                {
                    throw new TimeoutException($"{expected.Count(i => fake.RepliedAt(i) == 0)} of {expected.Count} events got no reply within {EngineBenchmark.Timeout}.");
                }

                await Task.Delay(5);
            }

            var last = expected.Max(fake.RepliedAt);
            var seconds = Stopwatch.GetElapsedTime(start, last).TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var redisCpu = (await RedisCpuAsync() - redisCpuBefore) * 1000;
            var gen0 = GC.CollectionCount(0) - gcBefore;

            // Let the acknowledgements of the last entries land before counting commands.
            await Task.Delay(500);
            var after = await CommandStatsAsync();
            var ops = hostRedis.GetCounters().Interactive.OperationCount - opsBefore;
            var diff = after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
            lastDiff = diff;
            lastEvents = total;
            if (print)
            {
                var latencies = expected.Select(i => Stopwatch.GetElapsedTime(postedAt[i], fake.RepliedAt(i)).TotalMilliseconds).ToList();
                var calls = diff.Where(p => p.Key is not ("info" or "memory")).Sum(p => p.Value) / (double)total;
                Console.WriteLine($"| {name} | {users:N0} x {steps.Length} | {total:N0} ({expected.Count:N0} replied) | {total / seconds:N0} | {total / Stopwatch.GetElapsedTime(start, postsDone).TotalSeconds:N0} | {Percentiles.Summary(latencies)} | {calls:F2} | {ops / (double)total:F2} |");
                cpuNotes.Add($"{name}: wall {seconds * 1000:F0} ms; CPU of this process (host + fake LINE + senders) {cpu:F0} ms = {cpu / total * 1000:F0} us/event ({cpu / (seconds * 1000):F2} cores busy); redis-server {redisCpu:F0} ms = {redisCpu / total * 1000:F0} us/event; gen0 GCs {gen0}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }
        }

        private async Task SendAsync(List<(int Index, int User, int Step)> plan, Step[] steps)
        {
            for (var offset = 0; offset < plan.Count; offset += EventsPerBody)
            {
                var chunk = plan.GetRange(offset, Math.Min(EventsPerBody, plan.Count - offset));
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var body = new StringBuilder("""{"destination":"Ubench0000000000000000000000000000","events":[""");
                for (var i = 0; i < chunk.Count; i++)
                {
                    if (i > 0)
                    {
                        body.Append(',');
                    }

                    body.Append(EventJson(chunk[i].Index, chunk[i].User, steps[chunk[i].Step], now));
                }

                body.Append("]}");
                var bytes = Encoding.UTF8.GetBytes(body.ToString());
                using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add("X-Line-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes)));
                var sentAt = Stopwatch.GetTimestamp();
                foreach (var (i, _, _) in chunk)
                {
                    postedAt[i] = sentAt;
                }

                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Webhook answered {(int)response.StatusCode}.");
                }
            }
        }

        /// <summary>A LINE text message or postback event; reply token "rt&lt;index&gt;" and a unique webhookEventId.</summary>
        private static string EventJson(int index, int user, Step step, long timestamp)
        {
            var userId = $"U{user:x32}";
            var common = "\"mode\":\"active\",\"timestamp\":" + timestamp
                + ",\"source\":{\"type\":\"user\",\"userId\":\"" + userId + "\"}"
                + ",\"webhookEventId\":\"01JBENCH" + index.ToString("D18", CultureInfo.InvariantCulture) + "\""
                + ",\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"rt" + index + "\"";
            var value = JsonSerializer.Serialize(step.Value);
            return step.IsButton
                ? "{\"type\":\"postback\"," + common + ",\"postback\":{\"data\":" + value + "}}"
                : "{\"type\":\"message\"," + common + ",\"message\":{\"type\":\"text\",\"id\":\"" + (9_000_000_000L + index) + "\",\"quoteToken\":\"q" + index + "\",\"text\":" + value + "}}";
        }

        public void PrintCommandStats()
        {
            Console.WriteLine();
            cpuNotes.ForEach(Console.WriteLine);
            Console.WriteLine();
            Console.WriteLine($"INFO commandstats difference over the last run ({lastEvents} events; commands inside Lua scripts are counted too):");
            foreach (var (command, calls) in lastDiff.Where(p => p.Value > 0).OrderByDescending(p => p.Value))
            {
                Console.WriteLine($"  {command}: {calls} ({calls / (double)lastEvents:F2}/event)");
            }
        }

        private async Task<double> RedisCpuAsync()
        {
            var info = (string?)await admin.GetDatabase().ExecuteAsync("INFO", "cpu") ?? string.Empty;
            return info.Split('\n').Where(l => l.StartsWith("used_cpu_sys:", StringComparison.Ordinal) || l.StartsWith("used_cpu_user:", StringComparison.Ordinal))
                .Sum(l => double.Parse(l.Split(':')[1].Trim(), CultureInfo.InvariantCulture));
        }

        private Task<Dictionary<string, long>> CommandStatsAsync() => RedisCommandStats.ReadAsync(admin);
    }
}
