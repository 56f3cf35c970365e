using System.Net;
using System.Net.Http.Headers;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Telemetry;

/// <summary>
/// Who may read /metrics. Every test request comes from 127.0.0.1, and the machine's other addresses are not ours to
/// send traffic to, so a caller elsewhere is played by <see cref="RemoteCaller"/>: a startup filter in front of the real
/// host's pipeline that gives the request the client address named in a test header (a documentation address,
/// 203.0.113.7), as a reverse proxy's forwarded-headers middleware would. Everything behind it is the real host.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class MetricsAccessTests(RedisFixture redis) : IAsyncLifetime
{
    private const string ApiKey = "metrics-test-advisors-key-7c1d";
    private const string Elsewhere = "203.0.113.7";

    private BotHost host = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString, ["Advisors:ApiKey"] = ApiKey },
            builder => builder.Services.AddTransient<IStartupFilter, RemoteCaller>());
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ALoopbackCallerReadsTheMetricsWithoutAKey() =>
        Assert.Equal(HttpStatusCode.OK, await GetAsync(from: null, bearer: null));

    [Fact]
    public async Task ACallerElsewhereWithoutTheKeyGets401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(from: Elsewhere, bearer: null));

    [Fact]
    public async Task ACallerElsewhereWithAWrongKeyGets401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(from: Elsewhere, bearer: ApiKey + "x"));

    [Fact]
    public async Task ACallerElsewhereWithTheAdvisorsKeyReadsTheMetrics() =>
        Assert.Equal(HttpStatusCode.OK, await GetAsync(from: Elsewhere, bearer: ApiKey));

    [Fact]
    public async Task AnIpv6LoopbackCallerIsLoopbackToo() =>
        Assert.Equal(HttpStatusCode.OK, await GetAsync(from: "::ffff:127.0.0.1", bearer: null));

    private async Task<HttpStatusCode> GetAsync(string? from, string? bearer)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/metrics"));
        if (from is not null)
        {
            request.Headers.Add(RemoteCaller.Header, from);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Plays a client at another address (see the class summary); runs before every middleware of the host.</summary>
    private sealed class RemoteCaller : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate following) =>
            {
                if (http.Request.Headers.TryGetValue(Header, out var address))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return following(http);
            });
            next(app);
        };
    }
}
