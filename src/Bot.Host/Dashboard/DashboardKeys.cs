using System.Security.Cryptography;
using System.Text;
using Bot.Host.Advisors;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>Who signed in: the advisor actions are attributed to, and which key opened the session.</summary>
/// <param name="Id">"dashboard" for the shared key; per-advisor keys will give each advisor their own.</param>
/// <param name="KeyId">A fingerprint of the key (never the key): a session opened with a key that changed since is dead.</param>
public sealed record DashboardAdvisor(string Id, string KeyId);

/// <summary>
/// The keys that open the dashboard. Today one shared key (<c>Advisors:ApiKey</c>) for one identity; per-advisor keys
/// (a later issue) add identities here, and sessions, attribution and revocation already go through it.
/// </summary>
public sealed class DashboardKeys(IOptions<AdvisorsOptions> options)
{
    /// <summary>The identity of the shared key, also what broadcasts and answers from the dashboard are recorded as.</summary>
    public const string SharedKeyAdvisor = "dashboard";

    private readonly string? sharedKeyId = options.Value.DashboardEnabled ? Fingerprint(options.Value.ApiKey) : null;

    /// <summary>The advisor a presented key belongs to; null for a wrong key. Constant time whatever the key's length.</summary>
    public DashboardAdvisor? Identify(string? candidate)
    {
        if (sharedKeyId is null || string.IsNullOrEmpty(candidate))
        {
            return null;
        }

        // Hashing first makes both sides the same length, so the comparison time says nothing about the key.
        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey)));
        return matches ? new DashboardAdvisor(SharedKeyAdvisor, sharedKeyId) : null;
    }

    /// <summary>False once the key a session was opened with is no longer configured (changed, or the dashboard turned off).</summary>
    public bool IsCurrent(DashboardAdvisor advisor) =>
        sharedKeyId is not null && advisor.Id == SharedKeyAdvisor && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(advisor.KeyId), Encoding.ASCII.GetBytes(sharedKeyId));

    /// <summary>A domain-separated hash, shortened: enough to tell keys apart, stored in Redis beside the session.</summary>
    private static string Fingerprint(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("arc-dashboard-key\n" + key)))[..16].ToLowerInvariant();
}
