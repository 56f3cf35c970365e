using System.Security.Cryptography;
using System.Text;
using Bot.Host.Accounts;
using Bot.Host.Advisors;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>Who signed in: the advisor actions are attributed to, which key opened the session, and what they may see.</summary>
/// <param name="Id">"dashboard" for the shared key, otherwise the account's name.</param>
/// <param name="KeyId">A fingerprint of the shared key, or the account's version (never a secret): a session opened with a key that changed since is dead.</param>
public sealed record DashboardAdvisor(string Id, string KeyId)
{
    public AdvisorRole Role { get; init; } = AdvisorRole.Admin;

    public IReadOnlyList<string> Schools { get; init; } = [];

    public bool IsAdmin => Role == AdvisorRole.Admin;

    /// <summary>The schools whose students this advisor sees and may broadcast to; null for an admin (all).</summary>
    public IReadOnlyCollection<string>? Scope => IsAdmin ? null : Schools;
}

/// <summary>
/// The keys that open the dashboard: the shared key (<c>Advisors:ApiKey</c>, the first admin, identity "dashboard") and
/// advisor accounts (<see cref="AdvisorAccounts"/>: a name and its own secret, checked against a salted PBKDF2 hash).
/// Sessions, attribution and revocation all go through here.
/// </summary>
public sealed class DashboardKeys(IOptions<AdvisorsOptions> options, AdvisorAccounts accounts)
{
    /// <summary>The identity of the shared key, also what broadcasts and answers made with it are recorded as.</summary>
    public const string SharedKeyAdvisor = AccountNames.SharedKey;

    private readonly string? sharedKeyId = options.Value.DashboardEnabled ? Fingerprint(options.Value.ApiKey) : null;

    /// <summary>
    /// The advisor a presented key belongs to: the shared key when no account <paramref name="name"/> is given, else that
    /// account's secret; null when wrong, unknown or disabled (after the same work, so the answer's time tells nothing).
    /// </summary>
    public async Task<DashboardAdvisor?> IdentifyAsync(string? name, string? candidate)
    {
        if (sharedKeyId is null || string.IsNullOrEmpty(candidate))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            // Hashing first makes both sides the same length, so the comparison time says nothing about the key.
            var matches = CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey)));
            return matches ? new DashboardAdvisor(SharedKeyAdvisor, sharedKeyId) : null;
        }

        var found = await accounts.FindAsync(name.Trim().ToLowerInvariant());
        var verified = await Task.Run(() => SecretHasher.Verify(candidate, found?.Hash));
        return verified && found is { Account: { Disabled: false } account } ? ToAdvisor(account) : null;
    }

    /// <summary>The session's advisor as they stand now (role and schools read afresh); null once the key or account changed or was disabled.</summary>
    public async Task<DashboardAdvisor?> CurrentAsync(DashboardAdvisor session)
    {
        if (sharedKeyId is null)
        {
            return null;
        }

        if (session.Id == SharedKeyAdvisor)
        {
            return Same(session.KeyId, sharedKeyId) ? session : null;
        }

        return await accounts.FindAsync(session.Id) is { Account: { Disabled: false } account } && Same(session.KeyId, account.Version)
            ? ToAdvisor(account)
            : null;
    }

    private static DashboardAdvisor ToAdvisor(AdvisorAccount account) =>
        new(account.Name, account.Version) { Role = account.Role, Schools = account.Schools };

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    /// <summary>A domain-separated hash, shortened: enough to tell keys apart, stored in Redis beside the session.</summary>
    private static string Fingerprint(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("arc-dashboard-key\n" + key)))[..16].ToLowerInvariant();
}
