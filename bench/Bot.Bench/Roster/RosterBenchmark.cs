using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Bot.Bench.Engine;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Bot.Host;
using Bot.Host.Advisors;
using Bot.Host.Roster;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Bench.Roster;

/// <summary>
/// The advisors' student list with N students in Redis (default 50,000), through the real host over HTTP with a session:
/// pages sorted and filtered several ways, a search, the overview, the whole CSV streamed, then the roster's rebuild from
/// the records (the migration of a deployment that had records before the roster). Usage:
/// roster [--students N] [--requests R] [--cluster]
/// </summary>
public static class RosterBenchmark
{
    private const string ApiKey = "roster-bench-key-0123456789abcdef";
    private static readonly string[] Surnames = ["CHEN", "NGUYEN", "TRAN", "WIJAYA", "LIM", "TAN", "KUMAR", "LI", "LIAO", "SANTOSO", "PHAM", "ONG", "SINGH", "HO", "LE", "WANG"];
    private static readonly string[] Given = ["AN", "BAO", "MEI", "PUTRI", "ARJUN", "SITI", "MINH", "HUI", "DEWI", "RAVI", "LAN", "JIA"];
    private static readonly string[] Schools = ["ntu", "nccu", "nthu", "ncku", "ntust", "nsysu", "csu", "other"];

    /// <summary>Records are sealed as the host seals them (the host runs with the same key).</summary>
    private static readonly Bot.Host.Storage.Encryption.StorageCipher Cipher = new(Options.Create(new Bot.Host.Storage.Encryption.StorageEncryptionOptions
    {
        EncryptionKeys = new Dictionary<string, string> { ["bench"] = BenchKey.Value },
        ActiveKeyId = "bench",
    }));

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--students", 50_000);
        var requests = Option(args, "--requests", 300);
        var cluster = args.Contains("--cluster");
        Console.WriteLine($"roster: {count} students, {requests} requests per scenario, {(cluster ? "3-master Redis Cluster" : "one redis-server")}; load average at start: {LoadAverage()}");

        await using var single = cluster ? null : await RedisServer.StartAsync();
        await using var nodes = cluster ? await RedisCluster.StartAsync() : null;
        var connection = single?.ConnectionString ?? nodes!.ConnectionString;

        await using var mux = await ConnectionMultiplexer.ConnectAsync(connection);
        var clock = Stopwatch.StartNew();
        await SeedAsync(mux, count);
        Console.WriteLine($"seeded {count} records and roster entries in {clock.Elapsed.TotalSeconds:F1} s");

        var app = BotApp.Create([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = connection,
                ["LocalChat:Enabled"] = "false",
                ["Advisors:ApiKey"] = ApiKey,
                ["Advisors:LoginAttemptsPerAddress"] = "1000",
                [BenchKey.Setting] = BenchKey.Value,
            });
        });
        await app.StartAsync();
        var baseUrl = app.Urls.First();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
        using var login = await http.PostAsJsonAsync("/dashboard/login", new { key = ApiKey });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);

        Console.WriteLine();
        Console.WriteLine("| request | p50 | p95 | p99 | max (ms) | rows | total |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        string[] scenarios =
        [
            "/dashboard/api/students/page",
            "/dashboard/api/students/page?sort=name&page=20",
            "/dashboard/api/students/page?sort=deadline&stage=notsubmitted&school=ntu",
            "/dashboard/api/students/page?sort=school&dir=desc&channel=line&lang=vi&page=3",
            "/dashboard/api/students/page?programme=master&overdue=true&sort=deadline",
            "/dashboard/api/students/page?q=nguyen%20mi",
            "/dashboard/api/students/page?sort=name&page=200",
            "/dashboard/api/overview",
        ];
        foreach (var path in scenarios)
        {
            await MeasureAsync(http, path, requests);
        }

        clock.Restart();
        using (var csv = await http.GetAsync("/dashboard/api/students.csv", HttpCompletionOption.ResponseHeadersRead))
        {
            var firstByte = clock.Elapsed;
            using var reader = new StreamReader(await csv.Content.ReadAsStreamAsync());
            var lines = 0;
            while (await reader.ReadLineAsync() is not null)
            {
                lines++;
            }

            Console.WriteLine($"CSV of every student: {lines - 1} rows, first byte after {firstByte.TotalMilliseconds:F0} ms, all in {clock.Elapsed.TotalSeconds:F2} s");
        }

        await app.StopAsync();
        await app.DisposeAsync();

        // The migration: every entry rebuilt from the records, as a deployment that had records before the roster does at start.
        var store = new StudentStore(mux, Options.Create(new StorageOptions()), Cipher);
        var roster = new StudentRoster(mux, new StudentDirectory(mux, store), Cipher, TimeProvider.System, NullLogger<StudentRoster>.Instance);
        var rebuild = new RosterRebuild(mux, new StudentDirectory(mux, store), roster, TimeProvider.System, NullLogger<RosterRebuild>.Instance);
        clock.Restart();
        await rebuild.TryRebuildAsync(CancellationToken.None);
        Console.WriteLine($"rebuild of {count} entries from their records: {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, string path, int requests)
    {
        string body = string.Empty;
        for (var i = 0; i < 20; i++)
        {
            body = await http.GetStringAsync(path);
        }

        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            body = await http.GetStringAsync(path);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        var rows = json.RootElement.TryGetProperty("items", out var items) ? items.GetArrayLength().ToString(CultureInfo.InvariantCulture) : "—";
        var total = json.RootElement.TryGetProperty("total", out var t) ? t.GetInt64().ToString(CultureInfo.InvariantCulture) : "—";
        Console.WriteLine($"| `{path.Replace("/dashboard/api", string.Empty, StringComparison.Ordinal)}` | {Percentiles.Summary(times)} | {rows} | {total} |");
    }

    /// <summary>Records and their roster entries written as turns write them (the entry through <see cref="StudentRoster"/>).</summary>
    private static async Task SeedAsync(ConnectionMultiplexer mux, int count)
    {
        var db = mux.GetDatabase();
        var store = new StudentStore(mux, Options.Create(new StorageOptions()), Cipher);
        var roster = new StudentRoster(mux, new StudentDirectory(mux, store), Cipher, TimeProvider.System, NullLogger<StudentRoster>.Instance);
        var now = DateTimeOffset.UtcNow;
        var random = new Random(16);
        var programmes = NiaLists.Programmes.Options;
        var languages = Languages.All;
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var writes = new List<Task>(chunk.Length * 3);
            foreach (var i in chunk)
            {
                var key = i % 3 == 0 ? new StudentKey("line", "U" + i.ToString("x32", CultureInfo.InvariantCulture)) : new StudentKey("tg", (100_000_000L + i).ToString(CultureInfo.InvariantCulture));
                var state = new StudentState
                {
                    Phase = "FillingExtension",
                    Language = languages[random.Next(languages.Count)],
                    CreatedAt = now.AddDays(-random.Next(1, 300)),
                    UpdatedAt = now.AddMinutes(-random.Next(0, 60 * 24 * 90)),
                };
                state.Answers["surname"] = Surnames[random.Next(Surnames.Length)];
                state.Answers["givenNames"] = Given[random.Next(Given.Length)] + " " + Given[random.Next(Given.Length)];
                state.Answers["schoolId"] = Schools[random.Next(Schools.Length)];
                state.Answers["programme"] = programmes[random.Next(programmes.Count)].Value;
                state.Answers["arcExpiry"] = now.AddDays(random.Next(-20, 200)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (random.Next(3) == 0)
                {
                    state.Phase = "Submitted";
                    state.ReceiptNumber = "1045" + i.ToString("D8", CultureInfo.InvariantCulture);
                }

                writes.Add(db.StringSetAsync(StudentStore.RecordKey(key), Cipher.Seal(StudentStateJson.Serialize(state), StudentStore.RecordKey(key).ToString())));
                writes.Add(db.SortedSetAddAsync(StudentStore.StudentsIndex, key.ToString(), state.UpdatedAt.ToUnixTimeSeconds()));
                writes.Add(roster.WriteAsync(key, state));
            }

            await Task.WhenAll(writes);
        }

        // The entries were written as turns write them: the roster counts as built, so the host does not rebuild it at start.
        await db.StringSetAsync(RosterKeys.Built, RosterRebuild.Version);
    }

    private static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
