using System.Security.Cryptography;
using System.Text;
using Bot.Host.Advisors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Dashboard;

/// <summary>
/// Dashboard logins: the key is compared in constant time; a session is a random id in an HTTP-only cookie, kept in
/// Redis (hashed, with a sliding expiry) so any host accepts it and a logout ends it everywhere.
/// </summary>
public sealed class DashboardSessions(IConnectionMultiplexer redis, IOptions<AdvisorsOptions> options)
{
    public const string CookieName = "arc_dash";

    private static RedisKey Key(string sessionId) => "dash:s:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));

    public bool KeyMatches(string? candidate)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        // Hashing first makes both sides the same length, so the comparison time says nothing about the key.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    public async Task<string> StartAsync()
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await redis.GetDatabase().StringSetAsync(Key(id), "1", options.Value.SessionLifetime);
        return id;
    }

    /// <summary>True for a live session, whose expiry then starts again.</summary>
    public async Task<bool> TouchAsync(string? sessionId) =>
        !string.IsNullOrEmpty(sessionId) && sessionId.Length < 100
        && await redis.GetDatabase().KeyExpireAsync(Key(sessionId), options.Value.SessionLifetime);

    public Task EndAsync(string sessionId) => redis.GetDatabase().KeyDeleteAsync(Key(sessionId));

    /// <summary>The "try the bot" chat of a session, as a web student; derived from the session so the raw id never lands in a key.</summary>
    public static string WebStudentId(string sessionId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("web:" + sessionId)))[..20].ToLowerInvariant();

    public CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/dashboard",
        MaxAge = options.Value.SessionLifetime,
        IsEssential = true,
    };
}
