using System.Net;
using System.Text.Json.Nodes;
using Bot.Dialogs.Conversation;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using Bot.Host.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Line;

/// <summary>The real host with LINE on, the fake LINE platform and a student's way of talking to it, for tests of LINE's own features.</summary>
internal sealed class LineHarness(RedisFixture redis, FakeLinePlatform platform) : IAsyncDisposable
{
    public const string Secret = "line-harness-test-secret";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<BotHost> hosts = [];

    public FakeLinePlatform Platform => platform;

    public BotHost Host => hosts[^1];

    public static async Task<LineHarness> StartAsync(RedisFixture redis, Dictionary<string, string?>? overrides = null)
    {
        await redis.FlushAsync();
        var harness = new LineHarness(redis, await FakeLinePlatform.StartAsync());
        await harness.StartHostAsync(overrides);
        return harness;
    }

    public async Task<BotHost> StartHostAsync(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Line:ChannelSecret"] = Secret,
            ["Line:ChannelAccessToken"] = platform.ChannelAccessToken,
            ["Line:ApiBaseUrl"] = platform.ApiBaseUrl,
            ["Line:DataApiBaseUrl"] = platform.DataApiBaseUrl,
            ["Line:RetryBaseDelay"] = "00:00:00.010",
            ["Bot:PublicBaseUrl"] = "https://arc-helper.example.test",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var host = await BotHost.StartAsync(settings);
        hosts.Add(host);
        return host;
    }

    public async Task StopHostAsync(BotHost host)
    {
        hosts.Remove(host);
        await host.DisposeAsync();
    }

    public string NewUser(string? language = null)
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        platform.SetProfile(user, "Student", language);
        return user;
    }

    /// <summary>Sends one event and waits for at least one more message to the user.</summary>
    public async Task<IReadOnlyList<DeliveredMessage>> SendAsync(string user, JsonObject evt)
    {
        var before = platform.MessagesTo(user).Count;
        var response = await platform.SendEventsAsync(Host.Url("/webhooks/line"), Secret, evt);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await platform.WaitForMessagesAsync(user, before + 1, Timeout)).Skip(before).ToList();
    }

    /// <summary>Taps each button (data) or types each text, waiting for the answer to each.</summary>
    public async Task<IReadOnlyList<DeliveredMessage>> StepsAsync(string user, params string[] steps)
    {
        IReadOnlyList<DeliveredMessage> last = [];
        foreach (var step in steps)
        {
            last = await SendAsync(user, IsButton(step) ? platform.Postback(user, step) : platform.TextMessage(user, step));
        }

        return last;
    }

    /// <summary>The student's record as the host reads it (decrypted when records are encrypted at rest).</summary>
    public async Task<StudentState> RecordAsync(string user) =>
        StudentStateJson.Deserialize((await Host.Services.GetRequiredService<StudentStore>().ReadAsync(new StudentKey("line", user)))!);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await platform.DisposeAsync();
    }

    /// <summary>Button data look like "v:ext", "nav:skip", "go:next"; typed answers have no such prefix.</summary>
    private static bool IsButton(string step) =>
        System.Text.RegularExpressions.Regex.IsMatch(step, "^[a-z]+:[A-Za-z0-9:]+$") && !step.Contains(' ', StringComparison.Ordinal);
}
