using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Tests.Advisors;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;

namespace Bot.Tests.Telemetry;

/// <summary>
/// The host as a container runs it (<c>dotnet Bot.Host.dll</c>, <c>DOTNET_RUNNING_IN_CONTAINER=true</c>) with only the
/// standard OTEL_* variables pointing at an OTLP/HTTP collector on 127.0.0.1: the metrics and traces arrive there, the
/// console log is JSON, and a turn's log line carries the trace id the LINE webhook request came with, carried through
/// the inbox.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class OtlpExportTests(RedisFixture redis)
{
    private const string Secret = "otlp-export-line-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MetricsAndTracesReachTheCollectorAndTheJsonLogCarriesTheWebhooksTraceId()
    {
        await redis.FlushAsync();
        await using var line = await FakeLinePlatform.StartAsync();
        line.QuotaType = "limited";
        line.QuotaValue = 500;
        line.TotalUsage = 120;
        await using var collector = await OtlpReceiver.StartAsync();
        var user = "U" + Guid.NewGuid().ToString("N");
        line.SetProfile(user, "Student", "en");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        var (process, output, port) = await StartHostAsync(line, collector.Endpoint);
        try
        {
            // Two messages in a row from a student allowed one turn at a time (Limits): the second turn logs that it was
            // limited, inside the span of the webhook that brought it (the test sent that request with its own traceparent).
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, await PostAsync(http, port, line, line.TextMessage(user, "hello"), traceParent: null));
            await line.WaitForMessagesAsync(user, 1, Patience);
            Assert.Equal(HttpStatusCode.OK, await PostAsync(http, port, line, line.TextMessage(user, "hello again"), $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01"));

            await Eventually.TrueAsync(() => Lines(output).Any(l => l.Contains("turn limit", StringComparison.Ordinal)), Patience, "the limited turn's log line");
            await Eventually.TrueAsync(
                () => collector.Saw("metrics", "arc_helper.turns") && collector.Saw("metrics", "arc_helper.line.quota.remaining")
                    && collector.Saw("traces", Convert.FromHexString(traceId)) && collector.Saw("traces", "redis begin") && collector.Saw("traces", "send"),
                Patience,
                "the OTLP exports of the turns' metrics and spans");

            Assert.True(collector.Saw("metrics", "arc-helper"), "the service name is the resource's");
            Assert.True(collector.Saw("traces", "POST /webhooks/line") || collector.Saw("traces", "/webhooks/line"), "the webhook's server span");
            Assert.True(collector.Saw("traces", "inbox append") && collector.Saw("traces", "turn"));

            // The same numbers on the scrape endpoint: the quota LINE reported, 500 − 120.
            var scrape = await Scrape.FromAsync(http, $"http://127.0.0.1:{port}/metrics");
            Assert.Equal(380, scrape.Sum("arc_helper_line_quota_remaining"));
            Assert.Equal(1, scrape.Sum("arc_helper_turns_total", "channel=line", "outcome=limited"));
        }
        finally
        {
            await StopAsync(process);
        }

        var log = Lines(output);
        Assert.NotEmpty(log);
        foreach (var entry in log)
        {
            using var parsed = JsonDocument.Parse(entry);
            Assert.True(parsed.RootElement.TryGetProperty("LogLevel", out _), entry);
        }

        using var limited = JsonDocument.Parse(log.Single(l => l.Contains("turn limit", StringComparison.Ordinal)));
        var scopes = limited.RootElement.GetProperty("Scopes").EnumerateArray();
        Assert.Contains(scopes, s => s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, int port, FakeLinePlatform line, System.Text.Json.Nodes.JsonObject evt, string? traceParent)
    {
        // As FakeLinePlatform.SendEventsAsync signs it, plus the W3C traceparent a traced caller would send.
        var bytes = Encoding.UTF8.GetBytes(line.CallbackBody(evt));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/webhooks/line") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Line-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes)));
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<(Process Process, List<string> Output, int Port)> StartHostAsync(FakeLinePlatform line, string collector)
    {
        var root = DashboardBrowserTests.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(root, "src", "Bot.Host", "bin", configuration, "net10.0", "Bot.Host.dll");
        var port = FreePort.Pick();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Logging__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_RUNNING_IN_CONTAINER"] = "true";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector;
        start.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        start.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        start.Environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Redis"] = redis.ConnectionString;
        start.Environment["Storage__EncryptionKeys__" + Bot.Tests.Infrastructure.TestKeys.Id] = Bot.Tests.Infrastructure.TestKeys.Key;
        start.Environment["LocalChat__Enabled"] = "false";
        start.Environment["Telegram__BotToken"] = "";
        start.Environment["Line__ChannelSecret"] = Secret;
        start.Environment["Line__ChannelAccessToken"] = line.ChannelAccessToken;
        start.Environment["Line__ApiBaseUrl"] = line.ApiBaseUrl;
        start.Environment["Line__DataApiBaseUrl"] = line.DataApiBaseUrl;
        start.Environment["Bot__PublicBaseUrl"] = "https://arc-helper.example.test";
        start.Environment["Metrics__LineQuotaRefresh"] = "00:00:01";
        start.Environment["Limits__TurnBurst"] = "1";
        start.Environment["Limits__TurnsPerMinute"] = "1";

        var process = Process.Start(start)!;
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lock (output)
                {
                    output.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.TrueAsync(() => Lines(output).Any(l => l.Contains("Application started", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the host to start");
        }
        catch
        {
            await StopAsync(process);
            throw;
        }

        return (process, output, port);
    }

    private static List<string> Lines(List<string> output)
    {
        lock (output)
        {
            return [.. output];
        }
    }

    private static async Task StopAsync(Process process)
    {
        // SIGTERM, so the host stops gracefully and its console log is flushed.
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(stopped.Token);
        process.Dispose();
    }
}
