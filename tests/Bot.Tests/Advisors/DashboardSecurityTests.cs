using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Bot.Host.Dashboard;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Advisors;

/// <summary>The dashboard under attack: guessing the key, stolen or stale sessions, cross-site writes, big bodies, framing.</summary>
[Collection(RedisCollection.Name)]
public sealed class DashboardSecurityTests(RedisFixture redis) : IAsyncLifetime
{
    private const string WrongKey = "not-the-key-at-all-000";

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        await AdvisorTestHost.SeedAsync(redis, "tg:3001");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OneAddressGuessingTheKeyIsStoppedEvenWhenItFinallyHasTheRightKey()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, overrides: LoginLimits(perAddress: 3, total: 100));
        for (var i = 0; i < 3; i++)
        {
            using var guess = await host.Http.PostAsJsonAsync("/dashboard/login", new { key = WrongKey });
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        using var right = await host.Http.PostAsJsonAsync("/dashboard/login", new { key = AdvisorTestHost.ApiKey });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.False(right.Headers.Contains("Set-Cookie"));
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Another address still signs in: one client's guessing does not lock the advisors out.
        using var other = ClientFrom("127.0.0.2", host.BaseUrl);
        using var advisor = await other.PostAsJsonAsync("/dashboard/login", new { key = AdvisorTestHost.ApiKey });
        Assert.Equal(HttpStatusCode.OK, advisor.StatusCode);
    }

    [Fact]
    public async Task GuessesSpreadOverManyAddressesAreStoppedByTheTotalLimit()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, overrides: LoginLimits(perAddress: 2, total: 5));
        var statuses = new List<HttpStatusCode>();
        foreach (var address in new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" })
        {
            using var client = ClientFrom(address, host.BaseUrl);
            for (var i = 0; i < 2; i++)
            {
                using var guess = await client.PostAsJsonAsync("/dashboard/login", new { key = WrongKey });
                statuses.Add(guess.StatusCode);
            }
        }

        // Each address stayed within its own 2 attempts, yet the sixth attempt overall was refused.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ASessionEndsAtItsAbsoluteLifetimeHoweverActiveItIs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await AdvisorTestHost.StartAsync(redis, time: time, overrides: new Dictionary<string, string?>
        {
            ["Advisors:SessionLifetime"] = "00:30:00",
            ["Advisors:SessionAbsoluteLifetime"] = "01:00:00",
        });
        var cookie = await host.LoginAsync();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            // Busy every 20 minutes: the idle lifetime never runs out.
            time.Advance(TimeSpan.FromMinutes(19));
            using var busy = await host.SendAsync(HttpMethod.Get, "/dashboard/api/me", cookie);
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(4));
        using var after = await host.SendAsync(HttpMethod.Get, "/dashboard/api/me", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Empty(await SessionKeysAsync());
    }

    [Fact]
    public async Task ChangingTheKeyEndsEverySessionOpenedWithTheOldOne()
    {
        string cookie;
        await using (var before = await AdvisorTestHost.StartAsync(redis))
        {
            cookie = await before.LoginAsync();
        }

        await using var after = await AdvisorTestHost.StartAsync(redis, overrides: new Dictionary<string, string?> { ["Advisors:ApiKey"] = "a-brand-new-advisors-key-42" });
        using var me = await after.SendAsync(HttpMethod.Get, "/dashboard/api/me", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Empty(await SessionKeysAsync());
    }

    [Fact]
    public async Task TheApiAnswersARequestWithoutASessionBeforeReadingItsBody()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis);
        var url = new Uri(host.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, url.Port);
        var stream = tcp.GetStream();

        // A body announced but never sent: a host that read it before checking the session would wait for it.
        var head = "POST /dashboard/api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 20000\r\n\r\n{\"text\":\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Equal("HTTP/1.1 401 Unauthorized", status);
    }

    [Fact]
    public async Task BodiesOverTheLimitAreRefusedWithOrWithoutALength()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, overrides: new Dictionary<string, string?> { ["Advisors:MaxRequestBodyBytes"] = "4096" });
        var cookie = await host.LoginAsync();
        var text = new string('a', 10_000);

        using var withLength = await host.SendAsync(HttpMethod.Post, "/dashboard/api/chat", cookie, new { text });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/dashboard/api/chat")
        {
            // A stream of unknown length goes out chunked, with no Content-Length to check up front.
            Content = new StreamContent(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new { text }))),
        };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.Add("Cookie", cookie);
        using var response = await host.Http.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // Nothing of it reached the dialog: the web student has no record.
        Assert.DoesNotContain(await AllKeysAsync(), k => k.StartsWith("st:{web:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrossSiteFormPostsChangeNothing()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis);
        var cookie = await host.LoginAsync();
        using var draft = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts", cookie, new { text = "Office closed on Friday." });
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;

        // What a page on another site can make a browser send: a form (urlencoded or text/plain), cookie attached.
        foreach (var path in new[] { $"/dashboard/api/broadcasts/{id}/confirm", $"/dashboard/api/broadcasts/{id}/cancel", "/dashboard/api/questions/tg%3A3001/handback", "/dashboard/logout" })
        {
            foreach (var content in new HttpContent[] { new FormUrlEncodedContent([new("x", "1")]), new StringContent("{}", Encoding.UTF8, "text/plain") })
            {
                using var forged = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                forged.Headers.Add("Cookie", cookie);
                using var response = await host.Http.SendAsync(forged);
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }

        // Still signed in, the draft still a draft: the page's own request (with its header) confirms it.
        using var status = await host.SendAsync(HttpMethod.Get, "/dashboard/api/broadcasts", cookie);
        Assert.Equal("Draft", (await status.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("status").GetString());
        using var confirm = await host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{id}/confirm", cookie);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
    }

    [Fact]
    public async Task EveryDashboardResponseForbidsFramingSniffingAndReferrers()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis);
        using var page = await host.Http.GetAsync("/dashboard");
        using var refused = await host.Http.GetAsync("/dashboard/api/students");
        using var login = await host.Http.PostAsJsonAsync("/dashboard/login", new { key = WrongKey });
        foreach (var response in new[] { page, refused, login })
        {
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http is meaningless and was not asked for");
        }

        // The page's one inline script is allowed by its hash, nothing else.
        var html = await page.Content.ReadAsStringAsync();
        var script = html[(html.IndexOf("<script>", StringComparison.Ordinal) + "<script>".Length)..html.IndexOf("</script>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"script-src 'sha256-{hash}';", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindHttpsTheDashboardAsksBrowsersToStayOnHttps()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, overrides: new Dictionary<string, string?> { ["Bot:PublicBaseUrl"] = "https://arc.example.edu.tw" });
        using var page = await host.Http.GetAsync("/dashboard");
        Assert.StartsWith("max-age=", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> LoginLimits(int perAddress, int total) => new()
    {
        ["Advisors:LoginAttemptsPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Advisors:LoginAttemptsTotal"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // Long enough that no window slides during the test.
        ["Advisors:LoginWindow"] = "01:00:00",
    };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"{name} is missing");

    /// <summary>A client whose connections come from another loopback address (all of 127/8 is loopback on Linux).</summary>
    private static HttpClient ClientFrom(string localAddress, string baseUrl) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = new Uri(baseUrl),
    };

    private async Task<List<string>> SessionKeysAsync() => [.. (await AllKeysAsync()).Where(k => k.StartsWith("dash:s:", StringComparison.Ordinal))];

    private async Task<List<string>> AllKeysAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        return [.. server.Keys(pattern: "*").Select(k => k.ToString())];
    }
}
