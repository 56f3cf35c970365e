using Bot.Host;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Tests.Hosting;

/// <summary>The real host (BotApp.Create), in this process, on a free loopback port, with test configuration (and optionally a fake clock).</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private BotHost(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public IServiceProvider Services => app.Services;

    public string BaseUrl { get; }

    public string Url(string path) => BaseUrl + path;

    public static async Task<BotHost> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var app = BotApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Tests drive students at machine speed; the tests of the per-student limits set their own.
                ["Limits:TurnBurst"] = "10000",
                ["Limits:TurnsPerMinute"] = "10000",
            });
            if (!settings.Keys.Any(k => k.StartsWith("Storage:EncryptionKeys:", StringComparison.Ordinal)))
            {
                // The storage key of every test host, unless the test brings its own (key rotation).
                builder.Configuration.AddInMemoryCollection(Infrastructure.TestKeys.Settings);
            }
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["LocalChat:Enabled"] = "false" });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // Port 0: Kestrel reports the port it bound once started.
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new BotHost(app, address);
    }

    public static Dictionary<string, string?> TelegramSettings(string redis, Infrastructure.FakeTelegramServer telegram) => new()
    {
        ["ConnectionStrings:Redis"] = redis,
        ["Telegram:BotToken"] = telegram.Token,
        ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,

        // The fake has no rate limit unless a test sets one: don't pace replies to Telegram's 30 a second.
        ["Telegram:MessagesPerSecond"] = "0",

        // Short back-off: tests that inject faults are about what is retried, not about waiting.
        ["Telegram:RetryBaseDelay"] = "00:00:00.010",
    };

    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(timeout.Token);
    }

    /// <summary>
    /// Drops the host without stopping it, as a crash would: no graceful shutdown, its connections to Redis and the fakes
    /// closed under whatever it was doing.
    /// </summary>
    public async Task KillAsync()
    {
        stopped = true;
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
