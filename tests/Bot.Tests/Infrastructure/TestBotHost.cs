using Bot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Infrastructure;

/// <summary>The real host (Program's BotApp) on a free loopback port, with the test's configuration.</summary>
public sealed class TestBotHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private TestBotHost(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => app.Services;

    public string Url(string path) => BaseUrl + path;

    public static async Task<TestBotHost> StartAsync(IDictionary<string, string?> settings)
    {
        var app = BotApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["LocalChat:Enabled"] = "false" });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
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

        // Port 0: Kestrel reports the port it bound in Urls once started.
        return new TestBotHost(app, app.Urls.First().TrimEnd('/'));
    }

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
