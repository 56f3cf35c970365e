using System.Diagnostics;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Advisors;

/// <summary>
/// Runs tests/browser/dashboard.mjs (playwright-core + the system Chromium) against the real host with the Telegram
/// and LINE fakes. Skipped, saying why, only when Chromium or the npm packages are not installed (see docs/dashboard.md).
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DashboardBrowserTests(RedisFixture redis)
{
    private const string BroadcastText = "Browser broadcast: the NIA office is closed on Friday.";
    private static readonly string[] NtuOnly = ["ntu"];

    [BrowserFact]
    public async Task AnAdvisorLogsInFiltersOpensATimelineBroadcastsTriesTheBotSeesTheSchoolLinksAndReplaysAnUndeliveredMessage()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "browser", "dashboard.mjs");
        await redis.FlushAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var line = await FakeLinePlatform.StartAsync();
        var lineUser = "U" + new string('a', 32);
        await AdvisorTestHost.SeedAsync(redis, "tg:8001", s => { s.Answers["surname"] = "CHEN"; s.Answers["givenNames"] = "MEI LING"; s.Answers["schoolId"] = "ntu"; s.Answers["arcExpiry"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); s.ApplicationKind = "extension"; });
        await AdvisorTestHost.SeedAsync(redis, "tg:8002", s => { s.Answers["surname"] = "NGUYEN"; s.Answers["givenNames"] = "VAN AN"; s.Answers["schoolId"] = "ntu"; s.Phase = "Submitted"; s.ReceiptNumber = "123456789012"; s.ApplicationKind = "extension"; });
        await AdvisorTestHost.SeedAsync(redis, "tg:8003", s => { s.Answers["surname"] = "SANTOS"; s.Answers["givenNames"] = "MARIA"; s.Answers["arcExpiry"] = "2025-01-31"; });
        await AdvisorTestHost.SeedAsync(redis, "line:" + lineUser, s => { s.Answers["surname"] = "TANAKA"; s.Answers["givenNames"] = "YUKI"; s.Language = Bot.Dialogs.Messages.Language.TraditionalChinese; });
        await using var host = await AdvisorTestHost.StartAsync(redis, telegram, line, new Dictionary<string, string?> { ["Schools:0:Id"] = "ntu", ["Schools:0:Name"] = "國立臺灣大學" });

        // An update that failed every attempt while Telegram was down: the advisor replays it from the "Undelivered" tab.
        telegram.EnqueueCommand(8002, "/help");
        var undelivered = telegram.TakePending().Single();
        await using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var entry = new Bot.Host.Inbox.InboxEntry("tg", "tg:8002", undelivered["update_id"]!.ToString(), undelivered.ToJsonString());
            await new Bot.Host.Inbox.DeadLetters(connection, new Bot.Host.Inbox.InboxBodies(Infrastructure.TestKeys.Cipher()), TimeProvider.System).AddAsync(entry, attempts: 10, new TimeoutException());
        }

        // Screenshots go to the test output, so a test run leaves the repository clean; ARC_UPDATE_SCREENSHOTS=1 refreshes docs/screenshots.
        var shots = Environment.GetEnvironmentVariable("ARC_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        // An advisor of one school, created by the admin (the shared key) before the browser signs in as them.
        var admin = await host.LoginAsync();
        using var account = await host.SendAsync(HttpMethod.Post, "/dashboard/api/accounts", admin, new { name = "wang.ntu", role = "Advisor", schools = NtuOnly });
        account.EnsureSuccessStatusCode();
        var secret = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(account.Content)).GetProperty("secret").GetString()!;

        var (exitCode, output) = await RunNodeAsync(root, script, host.BaseUrl, AdvisorTestHost.ApiKey, shots, "wang.ntu", secret, "2");
        Assert.True(exitCode == 0, "The browser script failed:\n" + output);
        Assert.Contains("\"ok\":true", output, StringComparison.Ordinal);
        Assert.Contains("\"scoped\":2", output, StringComparison.Ordinal);

        // The broadcast the browser confirmed reached the fake platforms, once per student.
        Assert.All(new long[] { 8001, 8002, 8003 }, id => Assert.Single(telegram.Transcript(id), c => c.Text == BroadcastText));
        Assert.Single(line.MessagesTo(lineUser), m => m.Text == BroadcastText);

        // The replayed update was answered.
        await telegram.WaitUntilAsync(t => t.Transcript(8002).Any(c => c.Text != BroadcastText), TimeSpan.FromSeconds(30));
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string root, string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that is skipped, saying what to install, when Chromium or playwright-core is missing on this machine.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        // In CI (.ci/run installs both) a missing browser is a failure, never a silent skip.
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Skip = $"Chromium is not installed at {chromium}: apt-get install -y chromium (see docs/dashboard.md).";
        }
        else if (!Directory.Exists(Path.Combine(DashboardBrowserTests.RepositoryRoot(), "tests", "browser", "node_modules", "playwright-core")))
        {
            Skip = "playwright-core is not installed: npm ci --prefix tests/browser (see docs/dashboard.md).";
        }
    }
}
