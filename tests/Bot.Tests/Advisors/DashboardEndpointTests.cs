using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Advisors;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Advisors;

[Collection(RedisCollection.Name)]
public class DashboardEndpointTests(RedisFixture redis) : IAsyncLifetime
{
    private AdvisorTestHost host = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        await AdvisorTestHost.SeedAsync(redis, "tg:1001", s => { s.Answers["surname"] = "CHEN"; s.Answers["givenNames"] = "MEI"; s.Answers["arcExpiry"] = "2020-01-31"; });
        await AdvisorTestHost.SeedAsync(redis, "tg:1002", s => { s.Answers["surname"] = "NGUYEN"; s.Answers["givenNames"] = "AN"; s.ReceiptNumber = "123456789012"; s.Phase = "Submitted"; });
        await AdvisorTestHost.SeedAsync(redis, "line:U0123456789abcdef0123456789abcdef", s => { s.Answers["surname"] = "=SUM(A1)"; s.Language = Bot.Dialogs.Messages.Language.TraditionalChinese; });
        host = await AdvisorTestHost.StartAsync(redis);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ServesThePageWithALoginForm()
    {
        var html = await host.Http.GetStringAsync("/dashboard");
        Assert.Contains("login-form", html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdvisorTestHost.ApiKey, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginWithAWrongKeyIsRefusedWithoutACookie()
    {
        using var response = await host.Http.PostAsJsonAsync("/dashboard/login", new { key = "not-the-key-at-all-000" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task LoginWithTheRightKeySetsASecureHttpOnlyStrictCookie()
    {
        using var response = await host.Http.PostAsJsonAsync("/dashboard/login", new { key = AdvisorTestHost.ApiKey });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(AdvisorTestHost.ApiKey.ToLowerInvariant(), cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiRefusesRequestsWithoutASessionCookie()
    {
        using var noCookie = await host.Http.GetAsync("/dashboard/api/students");
        Assert.Equal(HttpStatusCode.Unauthorized, noCookie.StatusCode);

        using var forged = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students", "arc_dash=made-up-session");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        using var keyInQuery = await host.Http.GetAsync("/dashboard/api/students?key=" + AdvisorTestHost.ApiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, keyInQuery.StatusCode);
    }

    [Fact]
    public async Task LogoutEndsTheSession()
    {
        var cookie = await host.LoginAsync();
        using var logout = await host.SendAsync(HttpMethod.Post, "/dashboard/logout", cookie);
        using var after = await host.SendAsync(HttpMethod.Get, "/dashboard/api/me", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task StudentsListFiltersByStageChannelAndSearch()
    {
        var cookie = await host.LoginAsync();
        var all = await StudentsAsync(cookie, string.Empty);
        Assert.Equal(3, all.Count);

        var notSubmitted = await StudentsAsync(cookie, "?stage=notsubmitted");
        Assert.Equal(["line:U0123456789abcdef0123456789abcdef", "tg:1001"], notSubmitted.Select(s => s.Key).Order(StringComparer.Ordinal));

        var line = await StudentsAsync(cookie, "?channel=line");
        Assert.Equal("line:U0123456789abcdef0123456789abcdef", Assert.Single(line).Key);

        var search = await StudentsAsync(cookie, "?q=nguyen");
        var nguyen = Assert.Single(search);
        Assert.Equal(CaseStep.Submitted, nguyen.Stage);

        var overdue = Assert.Single(await StudentsAsync(cookie, "?overdue=true"));
        Assert.True(overdue.Overdue);
        Assert.Equal("tg:1001", overdue.Key);
    }

    [Fact]
    public async Task CsvExportHasAHeaderTheFilteredRowsAndDefusedFormulas()
    {
        var cookie = await host.LoginAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students.csv?channel=line", cookie);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("key,name,channel,language", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains("'=SUM(A1)", row, StringComparison.Ordinal);
        Assert.Contains("zh-TW", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelineShowsTheStudentsRecord()
    {
        var cookie = await host.LoginAsync();
        using var response = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students/tg%3A1002/timeline", cookie);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("123456789012", json.RootElement.GetProperty("receiptNumber").GetString());
        Assert.Contains(json.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "submitted");
    }

    [Fact]
    public async Task TheTimelineSpeaksThePagesLanguage()
    {
        var cookie = await host.LoginAsync();
        using var englishResponse = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students/tg%3A1002/timeline", cookie);
        using var chineseResponse = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students/tg%3A1002/timeline?lang=zh-TW", cookie);
        var english = await englishResponse.Content.ReadAsStringAsync();
        var chinese = await chineseResponse.Content.ReadAsStringAsync();
        static string Text(string body, string kind) =>
            JsonDocument.Parse(body).RootElement.GetProperty("events").EnumerateArray()
                .First(e => e.GetProperty("kind").GetString() == kind).GetProperty("text").GetString()!;

        Assert.Equal("Receipt number received (application submitted)", Text(english, "submitted"));
        Assert.Equal("已收到收件號（申請已送出）", Text(chinese, "submitted"));
        Assert.Equal("第一次傳訊息給機器人", Text(chinese, "start"));
    }

    [Fact]
    public async Task TryTheBotTalksToTheSameDialogAsAWebStudent()
    {
        var cookie = await host.LoginAsync();
        using var first = await host.SendAsync(HttpMethod.Post, "/dashboard/api/chat", cookie, new { text = "/start" });
        first.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var reply = json.RootElement[0];
        Assert.Contains("ARC Helper", reply.GetProperty("text").GetString(), StringComparison.Ordinal);

        // Web students stay out of the advisors' table and audiences.
        Assert.Equal(3, (await StudentsAsync(cookie, string.Empty)).Count);
    }

    [Fact]
    public async Task StudentsAskingForAdvisorCommandsAreRefusedPolitely()
    {
        var cookie = await host.LoginAsync();
        (await host.SendAsync(HttpMethod.Post, "/dashboard/api/chat", cookie, new { text = "/start" })).Dispose();
        using var response = await host.SendAsync(HttpMethod.Post, "/dashboard/api/chat", cookie, new { text = "/broadcast hello everyone" });
        var text = (await response.Content.ReadAsStringAsync()).ToLowerInvariant();
        Assert.Contains("for the school's advisors", text, StringComparison.Ordinal);
    }

    private async Task<List<StudentSummary>> StudentsAsync(string cookie, string query)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students" + query, cookie);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<StudentSummary>>(Json))!;
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

[Collection(RedisCollection.Name)]
public sealed class DashboardOffTests(RedisFixture redis)
{
    [Fact]
    public async Task WithoutAKeyTheDashboardSaysItIsOffAndTheApiIsClosed()
    {
        await using var host = await AdvisorTestHost.StartAsync(redis, overrides: new Dictionary<string, string?> { ["Advisors:ApiKey"] = "" });
        Assert.Contains("dashboard is off", await host.Http.GetStringAsync("/dashboard"), StringComparison.OrdinalIgnoreCase);
        using var login = await host.Http.PostAsJsonAsync("/dashboard/login", new { key = "" });
        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
    }

    [Fact]
    public async Task AShortKeyStopsTheHostAtStartNamingTheKey()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => AdvisorTestHost.StartAsync(redis, overrides: new Dictionary<string, string?> { ["Advisors:ApiKey"] = "short" }));
        Assert.Contains("Advisors:ApiKey", e.Message, StringComparison.Ordinal);
    }
}
