using System.Diagnostics;
using System.Net;
using Bot.Tests.Advisors;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Host;

/// <summary>
/// The host started the way docs/contract.md documents it, <c>dotnet …/Bot.Host.dll</c> from the repository root, as
/// a child process: it reads its appsettings.json (from its own directory), and its log shows no file token and no
/// LINE user id however they pass through it.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DocumentedStartTests(RedisFixture redis)
{
    private const string Secret = "documented-start-line-secret";

    [Fact]
    public async Task StartedFromTheRepositoryRootItLogsNoFileTokenAndNoLineUserId()
    {
        await redis.FlushAsync();
        await using var line = await FakeLinePlatform.StartAsync();
        var root = DashboardBrowserTests.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(root, "src", "Bot.Host", "bin", configuration, "net10.0", "Bot.Host.dll");
        Assert.True(File.Exists(dll), dll + " is built with the tests");
        var port = FreePort.Pick();
        var user = "U" + Guid.NewGuid().ToString("N");
        line.SetProfile(user, "Student", "en");
        var token = "nonexistent" + Guid.NewGuid().ToString("N");

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Logging__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_CONTENTROOT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Redis"] = redis.ConnectionString;
        start.Environment["LocalChat__Enabled"] = "false";
        start.Environment["Telegram__BotToken"] = "";
        start.Environment["Line__ChannelSecret"] = Secret;
        start.Environment["Line__ChannelAccessToken"] = line.ChannelAccessToken;
        start.Environment["Line__ApiBaseUrl"] = line.ApiBaseUrl;
        start.Environment["Line__DataApiBaseUrl"] = line.DataApiBaseUrl;
        start.Environment["Bot__PublicBaseUrl"] = "https://arc-helper.example.test";
        start.Environment["Storage__EncryptionKeys__" + TestKeys.Id] = TestKeys.Key;

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            // A file link, and a LINE follow (the host asks LINE for the user's profile, by user id in the URL).
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/files/" + token)).StatusCode);
            using var follow = await line.SendEventsAsync($"http://127.0.0.1:{port}/webhooks/line", Secret, line.Follow(user));
            Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
            await line.WaitForMessagesAsync(user, 1, TimeSpan.FromSeconds(30));
            Assert.Contains(line.Requests, r => r.Path.Contains(user, StringComparison.Ordinal));
        }
        finally
        {
            // SIGTERM, so the host stops gracefully and its console log is flushed.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(stopped.Token);
        }

        var log = output.ToString();
        Assert.Contains("Application started", log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(user, log, StringComparison.Ordinal);

        // The shipped appsettings.json and the documented keys are all settings the host reads.
        Assert.DoesNotContain("is not a setting", log, StringComparison.Ordinal);
    }
}
