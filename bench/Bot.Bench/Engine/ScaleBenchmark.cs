using System.Diagnostics;
using System.Globalization;
using Bot.Host;
using Bot.Host.Inbox;
using Bot.Host.Telegram;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>
/// Scale-out in webhook mode: one host, then three hosts sharing one Redis — a single redis-server, then a 3-master Redis
/// Cluster — behind a round-robin "load balancer" (the senders), as Telegram delivers: one update per POST to
/// <c>/webhooks/telegram</c>, up to 40 connections at once, each student's updates in order. Every host is the real one
/// (inbox shards split between the hosts, Lua turns, replies to <see cref="FakeBotApi"/>), all in this process. Reports
/// updates/s until every update's turn has been answered, latency from the POST to the first reply, updates lost (no
/// answer) or answered twice (more messages than the dialog sends), and Redis calls per turn: server side (INFO
/// commandstats of every node, commands inside scripts included) and client side (operations of every host's connection).
/// Usage: scale [users] [steps]
/// </summary>
public static class ScaleBenchmark
{
    private const int Senders = 40;
    private const string Secret = "bench-webhook-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    private static readonly TimeSpan BalanceTimeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(string[] args)
    {
        var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var stepCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var steps = Student.FullApplication[..stepCount];
        var counts = Student.Run(null, steps).Messages;
        if (counts.Any(c => c == 0))
        {
            throw new InvalidOperationException("Every step must get a reply, or its turn cannot be seen to finish.");
        }

        Console.WriteLine($"machine: nproc={Environment.ProcessorCount} .NET {Environment.Version} server GC={System.Runtime.GCSettings.IsServerGC}; load average {LoadAverage()}");
        Console.WriteLine($"{users:N0} students x {stepCount} updates (the start of the extension application), {Senders} connections, one update per POST");
        Console.WriteLine();
        Console.WriteLine("| Redis | Hosts | Updates | Throughput (updates/s) | p50 | p95 | p99 | max (ms) | Lost | Answered twice | Redis calls/turn (server) | Redis ops/turn (client) | Load average |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var nextUser = 0;
        var breakdowns = new List<string>();

        // The JIT and every path warmed up first, on a host of its own, so the first configuration is not the slowest.
        await using (var warm = await RedisServer.StartAsync())
        {
            var run = await Topology.StartAsync(warm.ConnectionString, 1);
            await run.DrainAsync(nextUser, users, steps, counts);
            nextUser += users;
            await run.DisposeAsync();
        }

        foreach (var cluster in new[] { false, true })
        {
            await using var single = cluster ? null : await RedisServer.StartAsync();
            await using var nodes = cluster ? await RedisCluster.StartAsync() : null;
            var connection = single?.ConnectionString ?? nodes!.ConnectionString;
            foreach (var hosts in new[] { 1, 3 })
            {
                await (single?.FlushAsync() ?? nodes!.FlushAsync());
                var run = await Topology.StartAsync(connection, hosts);
                try
                {
                    // A short warm-up of these hosts' connections, then two measured runs with new students (the spread).
                    await run.DrainAsync(nextUser, users / 4, steps, counts);
                    nextUser += users / 4;
                    for (var round = 1; round <= 2; round++)
                    {
                        var result = await run.DrainAsync(nextUser, users, steps, counts);
                        nextUser += users;
                        Console.WriteLine($"| {(cluster ? "cluster (3 masters)" : "single")} | {hosts} | {result}");
                    }

                    breakdowns.Add($"{(cluster ? "cluster" : "single")}, {hosts} host(s): {run.LastBreakdown}");
                }
                finally
                {
                    await run.DisposeAsync();
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Server-side calls per turn by command, last run of each (commands inside Lua scripts counted):");
        breakdowns.ForEach(Console.WriteLine);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The fake Bot API and <paramref name="count"/> hosts on one Redis, the inbox's shards split between them.</summary>
    private sealed class Topology(FakeBotApi fake, List<WebApplication> hosts, ConnectionMultiplexer admin, HttpClient http) : IAsyncDisposable
    {
        private readonly Dictionary<long, long> postedAt = [];

        /// <summary>The last run's server-side calls per turn, by command, largest first.</summary>
        public string LastBreakdown { get; private set; } = string.Empty;

        public static async Task<Topology> StartAsync(string redis, int count)
        {
            var fake = new FakeBotApi();
            await fake.StartAsync();
            var hosts = new List<WebApplication>();
            for (var i = 0; i < count; i++)
            {
                var app = BotApp.Create([], b =>
                {
                    b.WebHost.UseUrls("http://127.0.0.1:0");
                    b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["ConnectionStrings:Redis"] = redis,
                        ["Telegram:BotToken"] = "123:abc",
                        ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
                        ["Telegram:Mode"] = "Webhook",
                        ["Telegram:WebhookSecret"] = Secret,
                        ["Telegram:MessagesPerSecond"] = "0",
                        ["Bot:PublicBaseUrl"] = "https://bot.example.edu.tw",
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
                await app.StartAsync();
                hosts.Add(app);
            }

            var admin = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders });
            var topology = new Topology(fake, hosts, admin, http);
            await topology.WaitUntilBalancedAsync();
            return topology;
        }

        /// <summary>
        /// POSTs every student's updates step by step (each sender owns some students, so theirs stay in order), to the
        /// hosts in turn, and waits until every turn has been answered; then counts what came back.
        /// </summary>
        public async Task<string> DrainAsync(int firstUser, int users, Step[] steps, int[] counts)
        {
            var items = new List<(long Chat, Func<long, byte[]> Json, int Messages)>(users * steps.Length);
            for (var k = 0; k < steps.Length; k++)
            {
                for (var u = firstUser; u < firstUser + users; u++)
                {
                    var chat = Student.ChatId(u);
                    var step = steps[k];
                    items.Add((chat, id => Student.UpdateJson(id, chat, step), counts[k]));
                }
            }

            var expectedMessages = items.Sum(i => (long)i.Messages);
            var sentBefore = fake.MessagesSent;
            var target = fake.Completed + items.Count;
            var statsBefore = await CommandStatsAsync();
            var opsBefore = ClientOperations();
            var updates = fake.Release(items);
            var plans = Enumerable.Range(0, Senders).Select(s => updates.Where(u => (u.Chat - Student.ChatId(firstUser)) % Senders == s).ToList()).ToList();
            lock (postedAt)
            {
                postedAt.Clear();
            }

            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(plans.Select((plan, s) => Task.Run(() => SendAsync(plan, s))));
            var watch = Stopwatch.StartNew();
            while (fake.Completed < target && watch.Elapsed < EngineBenchmark.Timeout)
            {
                await Task.Delay(5);
            }

            var lost = target - fake.Completed;
            var last = updates.Max(u => u.DoneAt);
            var seconds = Stopwatch.GetElapsedTime(start, last == 0 ? Stopwatch.GetTimestamp() : last).TotalSeconds;

            // Let a late duplicate (or the last acknowledgements) land before counting.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var twice = fake.MessagesSent - sentBefore - expectedMessages + ShortOf(updates);
            var statsAfter = await CommandStatsAsync();
            var perCommand = statsAfter.Where(p => p.Key is not "info").Select(p => (p.Key, Calls: p.Value - statsBefore.GetValueOrDefault(p.Key))).Where(p => p.Calls > 0).ToList();
            var calls = perCommand.Sum(p => p.Calls);
            LastBreakdown = string.Join(", ", perCommand.OrderByDescending(p => p.Calls).Select(p => $"{p.Key} {p.Calls / (double)items.Count:F2}"));
            var ops = ClientOperations() - opsBefore;
            List<double> latencies;
            lock (postedAt)
            {
                latencies = [.. updates.Where(u => u.FirstReplyAt != 0).Select(u => Stopwatch.GetElapsedTime(postedAt[u.Id], u.FirstReplyAt).TotalMilliseconds)];
            }

            return $"{items.Count:N0} | {items.Count / seconds:N0} | {Percentiles.Summary(latencies)} | {lost} | {twice} | {calls / (double)items.Count:F2} | {ops / (double)items.Count:F2} | {LoadAverage()} |";
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }

            await fake.DisposeAsync();
            await admin.DisposeAsync();
            http.Dispose();
        }

        /// <summary>Messages not sent for updates that never finished: they are lost, not "twice".</summary>
        private static long ShortOf(IReadOnlyList<QueuedUpdate> updates) => updates.Where(u => u.DoneAt == 0).Sum(u => (long)u.Messages);

        private async Task SendAsync(List<QueuedUpdate> plan, int sender)
        {
            for (var i = 0; i < plan.Count; i++)
            {
                var update = plan[i];

                // A load balancer in front of the hosts: each request to the next one.
                var host = hosts[(sender + i) % hosts.Count];
                using var request = new HttpRequestMessage(HttpMethod.Post, host.Urls.First().TrimEnd('/') + TelegramWebhookEndpoint.Path)
                {
                    Content = new ByteArrayContent(update.Json),
                };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, Secret);
                lock (postedAt)
                {
                    postedAt[update.Id] = Stopwatch.GetTimestamp();
                }

                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}.");
                }
            }
        }

        /// <summary>Every host registered its webhook, and the inbox's 8 shards are owned, none host above its fair share.</summary>
        private async Task WaitUntilBalancedAsync()
        {
            var fairShare = (int)Math.Ceiling(DurableInbox.ShardCount / (double)hosts.Count);
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var db = admin.GetDatabase();
                var owners = await Task.WhenAll(Enumerable.Range(0, DurableInbox.ShardCount).Select(s => db.StringGetAsync(DurableInbox.Lease(s))));
                var registered = hosts.All(h => h.Services.GetRequiredService<TelegramWebhookRegistration>().IsRegistered);
                if (registered && owners.All(o => o.HasValue) && owners.GroupBy(o => o.ToString()).Count() == hosts.Count
                    && owners.GroupBy(o => o.ToString()).All(g => g.Count() <= fairShare))
                {
                    return;
                }

                if (watch.Elapsed > BalanceTimeout)
                {
                    throw new TimeoutException($"The inbox's shards were not split between {hosts.Count} hosts within {BalanceTimeout}.");
                }

                await Task.Delay(100);
            }
        }

        private long ClientOperations() => hosts.Sum(h => h.Services.GetRequiredService<IConnectionMultiplexer>().GetCounters().Interactive.OperationCount);

        /// <summary>INFO commandstats summed over every primary (a cluster's nodes each count their own).</summary>
        private async Task<Dictionary<string, long>> CommandStatsAsync()
        {
            var total = new Dictionary<string, long>();
            foreach (var server in admin.GetServers().Where(s => !s.IsReplica))
            {
                var info = await server.InfoRawAsync("commandstats") ?? string.Empty;
                foreach (var line in info.Split('\n').Where(l => l.StartsWith("cmdstat_", StringComparison.Ordinal)))
                {
                    var name = line[8..line.IndexOf(':', StringComparison.Ordinal)];
                    var calls = long.Parse(line.Split(':')[1].Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture);
                    total[name] = total.GetValueOrDefault(name) + calls;
                }
            }

            return total;
        }
    }
}
