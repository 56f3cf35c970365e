using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Line.Fakes;

/// <summary>
/// A LINE platform on real HTTP for tests: the Messaging API on <see cref="ApiBaseUrl"/>, content downloads on
/// <see cref="DataApiBaseUrl"/> (a second port, so using the wrong host fails as it would at LINE), every request
/// recorded and every body checked against the official messaging-api.yml. Endpoints are in
/// FakeLinePlatform.Endpoints.cs, webhook events in FakeLinePlatform.Events.cs.
/// </summary>
public sealed partial class FakeLinePlatform : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly List<SpecViolation> violations = [];
    private readonly List<DeliveredMessage> delivered = [];
    private readonly List<string> loadingShownFor = [];
    private readonly Dictionary<string, string> acceptedRetryKeys = [];
    private readonly Dictionary<string, (string DisplayName, string? Language)> profiles = [];
    private readonly Dictionary<string, (byte[] Data, string ContentType)> contents = [];
    private readonly HashSet<string> knownUsers = [];
    private readonly AsyncSignal changed = new();
    private readonly ListenOptions[] listeners = new ListenOptions[2];
    private (int Count, int StatusCode) failures;

    private FakeLinePlatform(TimeProvider time, string channelAccessToken)
    {
        this.time = time;
        ChannelAccessToken = channelAccessToken;
        ReplyTokens = new ReplyTokenBook(time);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Port 0: the OS picks free ports, so tests can run in parallel.
            kestrel.Listen(IPAddress.Loopback, 0, listen => listeners[0] = listen);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listeners[1] = listen);
        });
        app = builder.Build();
        MapEndpoints(app);
    }

    public string ChannelAccessToken { get; }

    /// <summary>The bot's own user id, sent as <c>destination</c> in webhook bodies.</summary>
    public string BotUserId { get; } = "U" + Guid.NewGuid().ToString("N");

    public string ApiBaseUrl { get; private set; } = "";

    public string DataApiBaseUrl { get; private set; } = "";

    public ReplyTokenBook ReplyTokens { get; }

    public string QuotaType { get; set; } = "none";

    public long? QuotaValue { get; set; }

    public long TotalUsage { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => Snapshot(requests);

    /// <summary>Everything the bot sent that LINE would have refused. A test that expects none asserts this is empty.</summary>
    public IReadOnlyList<SpecViolation> Violations => Snapshot(violations);

    public IReadOnlyList<DeliveredMessage> Delivered => Snapshot(delivered);

    public IReadOnlyList<string> LoadingShownFor => Snapshot(loadingShownFor);

    public static async Task<FakeLinePlatform> StartAsync(TimeProvider? time = null, string channelAccessToken = "fake-channel-access-token")
    {
        var platform = new FakeLinePlatform(time ?? TimeProvider.System, channelAccessToken);
        await platform.app.StartAsync();
        // Kestrel writes the bound port back into the listen options.
        platform.ApiBaseUrl = $"http://127.0.0.1:{platform.listeners[0].IPEndPoint!.Port}";
        platform.DataApiBaseUrl = $"http://127.0.0.1:{platform.listeners[1].IPEndPoint!.Port}";
        return platform;
    }

    /// <summary>The next <paramref name="count"/> message API requests are answered <paramref name="statusCode"/> and have no effect (channel settings: <see cref="FailWebhookEndpointNext"/>).</summary>
    public void FailNext(int count, int statusCode)
    {
        lock (gate)
        {
            failures = (count, statusCode);
        }
    }

    public void SetProfile(string userId, string displayName, string? language = null)
    {
        lock (gate)
        {
            profiles[userId] = (displayName, language);
            knownUsers.Add(userId);
        }
    }

    public void AddContent(string messageId, byte[] data, string contentType)
    {
        lock (gate)
        {
            contents[messageId] = (data, contentType);
        }
    }

    public IReadOnlyList<DeliveredMessage> MessagesTo(string userId)
    {
        lock (gate)
        {
            return delivered.Where(m => m.UserId == userId).ToList();
        }
    }

    /// <summary>Waits until <paramref name="userId"/> has received at least <paramref name="count"/> messages (any route).</summary>
    public async Task<IReadOnlyList<DeliveredMessage>> WaitForMessagesAsync(string userId, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = changed.Next;
            var messages = MessagesTo(userId);
            if (messages.Count >= count)
            {
                return messages;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"{userId} received {messages.Count} of {count} LINE messages within {timeout}: {string.Join(" | ", messages.Select(m => m.Message.ToJsonString()))}");
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever a request or delivery is recorded.</summary>
    public async Task WaitUntilAsync(Func<FakeLinePlatform, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = changed.Next;
            if (condition(this))
            {
                return;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not within {timeout}: {what}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        webhookClient.Dispose();
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (gate)
        {
            return list.ToList();
        }
    }

    private bool TryTakeFailure(out int statusCode)
    {
        lock (gate)
        {
            statusCode = failures.StatusCode;
            if (failures.Count <= 0)
            {
                return false;
            }

            failures.Count--;
            return true;
        }
    }

    /// <summary>Records the messages as received; returns the ids given to them (the first recipient's, as push and reply have one).</summary>
    private List<string> Deliver(string via, IEnumerable<string> userIds, JsonArray messages)
    {
        var ids = new List<string>();
        lock (gate)
        {
            foreach (var userId in userIds)
            {
                knownUsers.Add(userId);
                foreach (var message in messages.OfType<JsonObject>())
                {
                    var id = (++nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    delivered.Add(new DeliveredMessage(userId, via, message.DeepClone().AsObject(), id));
                    if (ids.Count < messages.Count)
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        changed.Pulse();
        return ids;
    }
}
