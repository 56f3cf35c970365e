using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Storage;
using Bot.Tests.Infrastructure;
using Bot.Tests.Line.Fakes;
using StackExchange.Redis;

namespace Bot.Tests.Advisors;

/// <summary>The real host (BotApp.Create) on a free port, with Redis from the fixture and optionally the Telegram and LINE fakes.</summary>
public sealed class AdvisorTestHost : IAsyncDisposable
{
    public const string ApiKey = "test-advisor-key-0123456789";
    public const long AdvisorTelegramId = 900_001;

    public const string LineChannelSecret = "test-channel-secret";

    private readonly Hosting.BotHost host;

    private AdvisorTestHost(Hosting.BotHost host)
    {
        this.host = host;
        Http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
    }

    public string BaseUrl => host.BaseUrl;

    public IServiceProvider Services => host.Services;

    public HttpClient Http { get; }

    public static async Task<AdvisorTestHost> StartAsync(
        RedisFixture redis,
        FakeTelegramServer? telegram = null,
        FakeLinePlatform? line = null,
        IDictionary<string, string?>? overrides = null,
        TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["LocalChat:Enabled"] = "false",
            ["Advisors:ApiKey"] = ApiKey,
            ["Advisors:TelegramUserIds:0"] = AdvisorTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadcasts:PollInterval"] = "00:00:00.200",
        };
        if (telegram is not null)
        {
            settings["Telegram:BotToken"] = telegram.Token;
            settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
            settings["Telegram:RetryBaseDelay"] = "00:00:00.010";
        }

        if (line is not null)
        {
            settings["Line:ChannelSecret"] = LineChannelSecret;
            settings["Line:ChannelAccessToken"] = line.ChannelAccessToken;
            settings["Line:ApiBaseUrl"] = line.ApiBaseUrl;
            settings["Line:DataApiBaseUrl"] = line.DataApiBaseUrl;
            settings["Line:RetryBaseDelay"] = "00:00:00.010";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var started = new AdvisorTestHost(await Hosting.BotHost.StartAsync(settings, builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        }));

        // Students seeded as records only (as an older version left them) are on the roster once its first build is done.
        var rebuild = started.Services.GetRequiredService<Bot.Host.Roster.RosterRebuild>();
        await Infrastructure.Eventually.TrueAsync(async () => (await rebuild.StatusAsync()).Built, TimeSpan.FromSeconds(20), "the roster's first build");
        return started;
    }

    /// <summary>Signs in and returns the Cookie header value to send with API calls.</summary>
    public async Task<string> LoginAsync()
    {
        using var response = await Http.PostAsJsonAsync("/dashboard/login", new { key = ApiKey });
        response.EnsureSuccessStatusCode();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        return setCookie.Split(';')[0];
    }

    /// <summary>A request as the dashboard page makes it: the session cookie, JSON, and the header that marks it as the page's own.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookie, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add(Bot.Host.Dashboard.DashboardGuard.ForgeryHeader, "1");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Writes a student as the dialog would have saved them, and adds them to the students index.</summary>
    public static async Task SeedAsync(RedisFixture redis, string key, Action<StudentState>? shape = null)
    {
        var state = new StudentState { Phase = "FillingExtension", Language = Language.English, CreatedAt = DateTimeOffset.UtcNow.AddDays(-3), UpdatedAt = DateTimeOffset.UtcNow };
        shape?.Invoke(state);
        var student = StudentKey.Parse(key);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        await db.StringSetAsync(StudentStore.RecordKey(student), StudentStateJson.Serialize(state));
        await db.SortedSetAddAsync(StudentStore.StudentsIndex, key, state.UpdatedAt.ToUnixTimeSeconds());
        await new Roster.RosterKit(connection, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(state.UpdatedAt)).Roster.WriteAsync(student, state);
    }

    public static async Task SeedManyAsync(RedisFixture redis, IEnumerable<string> keys)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var now = DateTimeOffset.UtcNow;
        var tasks = keys.Select(key =>
        {
            var state = new StudentState { Phase = "FillingExtension", Language = Language.English, CreatedAt = now, UpdatedAt = now };
            return Task.WhenAll(
                db.StringSetAsync(StudentStore.RecordKey(StudentKey.Parse(key)), StudentStateJson.Serialize(state)),
                db.SortedSetAddAsync(StudentStore.StudentsIndex, key, now.ToUnixTimeSeconds()));
        });
        await Task.WhenAll(tasks);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await host.DisposeAsync();
    }
}
