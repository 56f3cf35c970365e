using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Advisors;
using Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Bot.Tests.Advisors;

/// <summary>
/// One account per advisor: created by the first admin (the shared key) or in configuration, scoped to schools, secrets
/// kept only as hashes, and an audit trail of who did what that only admins read.
/// </summary>
[Collection(RedisCollection.Name)]
public class AdvisorAccountTests(RedisFixture redis) : IAsyncLifetime
{
    private const string ConfiguredSecret = "nccu-advisor-secret-0123456789";
    private static readonly string[] Ntu = ["ntu"];
    private AdvisorTestHost host = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        await AdvisorTestHost.SeedAsync(redis, "tg:7101", s => { s.Answers["surname"] = "CHEN"; s.Answers["schoolId"] = "ntu"; });
        await AdvisorTestHost.SeedAsync(redis, "tg:7102", s => { s.Answers["surname"] = "TRAN"; s.Answers["schoolId"] = "ntu"; });
        await AdvisorTestHost.SeedAsync(redis, "tg:7201", s => { s.Answers["surname"] = "WIJAYA"; s.Answers["schoolId"] = "nccu"; });
        await AdvisorTestHost.SeedAsync(redis, "tg:7301", s => s.Answers["surname"] = "LIM");
        host = await AdvisorTestHost.StartAsync(redis, overrides: new Dictionary<string, string?>
        {
            ["Advisors:Accounts:0:Name"] = "lin.nccu",
            ["Advisors:Accounts:0:Secret"] = ConfiguredSecret,
            ["Advisors:Accounts:0:Schools:0"] = "nccu",
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AnAdminCreatesAScopedAdvisorWhoSeesAndReachesOnlyTheirSchool()
    {
        var admin = await host.LoginAsync();
        using var created = await host.SendAsync(HttpMethod.Post, "/dashboard/api/accounts", admin, new { name = "Wang.NTU", role = "Advisor", schools = Ntu });
        created.EnsureSuccessStatusCode();
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        // The secret is shown once and kept only as a salted hash.
        await using (var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var stored = await mux.GetDatabase().HashGetAllAsync("dash:acct:wang.ntu");
            Assert.DoesNotContain(stored, e => e.Value.ToString().Contains(secret, StringComparison.Ordinal));
            Assert.StartsWith("pbkdf2-sha512$", stored.Single(e => e.Name == "hash").Value.ToString(), StringComparison.Ordinal);
        }

        Assert.Null(await LoginAsync("wang.ntu", secret + "x"));
        var advisor = (await LoginAsync("wang.ntu", secret))!;
        using (var me = await host.SendAsync(HttpMethod.Get, "/dashboard/api/me", advisor))
        {
            var json = await me.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Advisor", json.GetProperty("role").GetString());
        }

        Assert.Equal(["tg:7101", "tg:7102"], await KeysAsync(advisor, string.Empty));
        Assert.Empty(await KeysAsync(advisor, "?school=nccu"));
        using (var other = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students/tg%3A7201/timeline", advisor))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        // Broadcasts: their school's students only; another school's audience is refused.
        using (var outside = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts/preview", advisor, new { text = "Hi", filter = new { school = "nccu" } }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        }

        using var draft = await host.SendAsync(HttpMethod.Post, "/dashboard/api/broadcasts", advisor, new { text = "NTU office closed on Friday", filter = new { }, urgent = true });
        draft.EnsureSuccessStatusCode();
        var preview = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, preview.GetProperty("audiencePerChannel").GetProperty("tg").GetInt32());
        (await host.SendAsync(HttpMethod.Post, $"/dashboard/api/broadcasts/{preview.GetProperty("jobId").GetString()}/confirm", advisor)).Dispose();

        // Admin pages are closed to them; the admin reads who did what.
        foreach (var path in new[] { "/dashboard/api/accounts", "/dashboard/api/audit", "/dashboard/api/dead-letters" })
        {
            using var refused = await host.SendAsync(HttpMethod.Get, path, advisor);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var audit = await host.SendAsync(HttpMethod.Get, "/dashboard/api/audit", admin);
        var entries = (await audit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("who").GetString() == "dashboard" && e.GetProperty("action").GetString() == "account.create" && e.GetProperty("target").GetString() == "wang.ntu");
        Assert.Contains(entries, e => e.GetProperty("who").GetString() == "wang.ntu" && e.GetProperty("action").GetString() == "broadcast");
    }

    [Fact]
    public async Task AConfiguredAccountSignsInWithItsOwnSecretAndADisabledAccountsSessionEnds()
    {
        var configured = (await LoginAsync("lin.nccu", ConfiguredSecret))!;
        Assert.Equal(["tg:7201"], await KeysAsync(configured, string.Empty));

        var admin = await host.LoginAsync();
        Assert.Equal(4, (await KeysAsync(admin, string.Empty)).Count);
        using var created = await host.SendAsync(HttpMethod.Post, "/dashboard/api/accounts", admin, new { name = "temp", role = "Advisor", schools = Ntu });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var temp = (await LoginAsync("temp", secret))!;
        (await host.SendAsync(HttpMethod.Post, "/dashboard/api/accounts/temp/disable", admin)).Dispose();
        using var after = await host.SendAsync(HttpMethod.Get, "/dashboard/api/me", temp);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Null(await LoginAsync("temp", secret));

        // Configured accounts cannot be changed on the page.
        using var locked = await host.SendAsync(HttpMethod.Post, "/dashboard/api/accounts/lin.nccu/disable", admin);
        Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
    }

    private async Task<string?> LoginAsync(string name, string key)
    {
        using var response = await host.Http.PostAsJsonAsync("/dashboard/login", new { name, key });
        return response.IsSuccessStatusCode ? response.Headers.GetValues("Set-Cookie").Single().Split(';')[0] : null;
    }

    private async Task<List<string>> KeysAsync(string cookie, string query)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/dashboard/api/students" + query, cookie);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<List<StudentSummary>>(DashboardEndpointTests.Json))!.Select(s => s.Key).Order(StringComparer.Ordinal)];
    }
}
