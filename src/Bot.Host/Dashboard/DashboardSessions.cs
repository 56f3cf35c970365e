using System.Security.Cryptography;
using System.Text;
using Bot.Host.Advisors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Dashboard;

/// <summary>
/// Dashboard logins: a session is a random id in an HTTP-only cookie, kept in Redis (hashed) with who opened it, with
/// which key and when, so any host accepts it and a logout ends it everywhere. It lives <c>Advisors:SessionLifetime</c>
/// after the last request, never longer than <c>Advisors:SessionAbsoluteLifetime</c> after the login, and not at all
/// once the key it was opened with has changed (or its account was disabled or given a new secret).
/// </summary>
public sealed class DashboardSessions(IConnectionMultiplexer redis, DashboardKeys keys, IOptions<AdvisorsOptions> options, TimeProvider time)
{
    public const string CookieName = "arc_dash";

    /// <summary>Read the session and start its idle expiry again, never past its absolute end; nothing for an ended one.</summary>
    private static readonly LuaScript Touch = LuaScript.Prepare("""
        local s = redis.call('HMGET', @session, 'advisor', 'key', 'at')
        if not s[1] or not s[3] then
          return false
        end
        local left = tonumber(s[3]) + tonumber(@absoluteMs) - tonumber(@nowMs)
        if left <= 0 then
          redis.call('DEL', @session)
          return false
        end
        redis.call('PEXPIRE', @session, math.min(left, tonumber(@idleMs)))
        return s
        """);

    private static RedisKey Key(string sessionId) => "dash:s:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));

    public async Task<string> StartAsync(DashboardAdvisor advisor)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = Key(id);
        var db = redis.GetDatabase();
        var batch = db.CreateTransaction();
        _ = batch.HashSetAsync(key,
        [
            new("advisor", advisor.Id),
            new("key", advisor.KeyId),
            new("at", time.GetUtcNow().ToUnixTimeMilliseconds()),
        ]);
        _ = batch.KeyExpireAsync(key, Min(options.Value.SessionLifetime, options.Value.SessionAbsoluteLifetime));
        await batch.ExecuteAsync();
        return id;
    }

    /// <summary>The advisor of a live session, whose idle expiry then starts again; null when there is none.</summary>
    public async Task<DashboardAdvisor?> TouchAsync(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 100)
        {
            return null;
        }

        var result = await redis.GetDatabase().ScriptEvaluateAsync(Touch, new
        {
            session = Key(sessionId),
            nowMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            idleMs = (long)options.Value.SessionLifetime.TotalMilliseconds,
            absoluteMs = (long)options.Value.SessionAbsoluteLifetime.TotalMilliseconds,
        });
        if (result.IsNull || result.Length < 2)
        {
            return null;
        }

        var advisor = await keys.CurrentAsync(new DashboardAdvisor((string)result[0]!, (string?)result[1] ?? string.Empty));
        if (advisor is null)
        {
            // Opened with a key that has since been changed (or an account since disabled or given a new secret): that
            // change is how an operator or admin revokes sessions.
            await EndAsync(sessionId);
            return null;
        }

        return advisor;
    }

    public Task EndAsync(string sessionId) => redis.GetDatabase().KeyDeleteAsync(Key(sessionId));

    /// <summary>The "try the bot" chat of a session, as a web student; derived from the session so the raw id never lands in a key.</summary>
    public static string WebStudentId(string sessionId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("web:" + sessionId)))[..20].ToLowerInvariant();

    public CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/dashboard",
        MaxAge = Min(options.Value.SessionLifetime, options.Value.SessionAbsoluteLifetime),
        IsEssential = true,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
