using System.Globalization;
using System.Security.Cryptography;
using Bot.Host.Advisors;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Accounts;

/// <summary>
/// Advisor accounts: from configuration (hashed in memory at start) and created by admins on the dashboard, kept in Redis
/// (<c>dash:acct:{name}</c>: role, schools, the secret's salted hash, disabled, version, who created it and when; the
/// names in <c>dash:accts</c>). A secret is generated here, shown once, and never stored.
/// </summary>
public sealed class AdvisorAccounts(IConnectionMultiplexer redis, IOptions<AdvisorsOptions> options, Audit.AuditTrail audit, TimeProvider time)
{
    public static readonly RedisKey Names = "dash:accts";

    private readonly Lazy<IReadOnlyDictionary<string, (AdvisorAccount Account, string Hash)>> configured = new(() => Configure(options.Value));

    private static RedisKey Key(string name) => "dash:acct:" + name;

    /// <summary>The account and its secret's hash; null when there is none by that name.</summary>
    public async Task<(AdvisorAccount Account, string Hash)?> FindAsync(string name)
    {
        if (configured.Value.TryGetValue(name, out var fromConfiguration))
        {
            return fromConfiguration;
        }

        if (!AccountNames.IsValid(name))
        {
            return null;
        }

        var h = (await redis.GetDatabase().HashGetAllAsync(Key(name))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        return h.TryGetValue("hash", out var hash) ? (FromHash(name, h), hash) : null;
    }

    public async Task<IReadOnlyList<AdvisorAccount>> ListAsync()
    {
        var names = (await redis.GetDatabase().SetMembersAsync(Names)).Select(n => n.ToString()).Order(StringComparer.Ordinal).ToList();
        var stored = await Task.WhenAll(names.Select(FindAsync));
        return [.. configured.Value.Values.Select(c => c.Account).OrderBy(a => a.Name, StringComparer.Ordinal), .. stored.OfType<(AdvisorAccount Account, string Hash)>().Select(s => s.Account)];
    }

    /// <summary>Creates an account and returns its secret (shown once); null with the reason when the name is taken or invalid.</summary>
    public async Task<(string? Secret, string? Problem)> CreateAsync(string name, AdvisorRole role, IReadOnlyList<string> schools, string by)
    {
        if (!AccountNames.IsValid(name) || name == AccountNames.SharedKey)
        {
            return (null, "name");
        }

        if (role == AdvisorRole.Advisor && schools.Count == 0)
        {
            return (null, "schools");
        }

        if (configured.Value.ContainsKey(name))
        {
            return (null, "taken");
        }

        var secret = SecretHasher.NewSecret();
        var db = redis.GetDatabase();
        var create = db.CreateTransaction();
        create.AddCondition(Condition.KeyNotExists(Key(name)));
        _ = create.HashSetAsync(Key(name),
        [
            new("role", role.ToString()),
            new("schools", string.Join(',', schools)),
            new("hash", SecretHasher.Hash(secret)),
            new("disabled", "0"),
            new("version", NewVersion()),
            new("createdBy", by),
            new("createdAt", time.GetUtcNow().ToUnixTimeMilliseconds()),
        ]);
        _ = create.SetAddAsync(Names, name);
        if (!await create.ExecuteAsync())
        {
            return (null, "taken");
        }

        await audit.RecordAsync(by, "account.create", name, $"{role}; schools: {(schools.Count == 0 ? "all" : string.Join(", ", schools))}");
        return (secret, null);
    }

    /// <summary>Disables (every session of it ends) or enables an account created on the page; false for an unknown or configured one.</summary>
    public async Task<bool> SetDisabledAsync(string name, bool disabled, string by)
    {
        if (configured.Value.ContainsKey(name) || !AccountNames.IsValid(name) || !await redis.GetDatabase().KeyExistsAsync(Key(name)))
        {
            return false;
        }

        var fields = new List<HashEntry> { new("disabled", disabled ? "1" : "0") };
        if (disabled)
        {
            fields.Add(new("version", NewVersion()));
        }

        await redis.GetDatabase().HashSetAsync(Key(name), [.. fields]);
        await audit.RecordAsync(by, disabled ? "account.disable" : "account.enable", name);
        return true;
    }

    /// <summary>A new secret (returned once) for an account created on the page; its sessions end.</summary>
    public async Task<string?> ResetSecretAsync(string name, string by)
    {
        if (configured.Value.ContainsKey(name) || !AccountNames.IsValid(name) || !await redis.GetDatabase().KeyExistsAsync(Key(name)))
        {
            return null;
        }

        var secret = SecretHasher.NewSecret();
        await redis.GetDatabase().HashSetAsync(Key(name), [new("hash", SecretHasher.Hash(secret)), new("version", NewVersion())]);
        await audit.RecordAsync(by, "account.secret", name);
        return secret;
    }

    private static AdvisorAccount FromHash(string name, Dictionary<string, string> h) => new(
        name,
        Enum.TryParse<AdvisorRole>(h.GetValueOrDefault("role"), out var role) ? role : AdvisorRole.Advisor,
        h.GetValueOrDefault("schools", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        h.GetValueOrDefault("disabled") == "1",
        h.GetValueOrDefault("version", string.Empty),
        Configured: false,
        h.GetValueOrDefault("createdBy"),
        long.TryParse(h.GetValueOrDefault("createdAt"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var at) ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);

    private static Dictionary<string, (AdvisorAccount Account, string Hash)> Configure(AdvisorsOptions options) =>
        options.Accounts.ToDictionary(
            a => a.Name,
            a =>
            {
                var hash = a.SecretHash is { Length: > 0 } stored ? stored : SecretHasher.Hash(a.Secret ?? string.Empty);

                // The same on every host (the hash above has a random salt): a fingerprint of what is configured, so a new
                // secret in configuration ends the account's sessions, as a new Advisors:ApiKey ends the shared key's.
                var version = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                    "arc-account\n" + a.Name + "\n" + a.Role + "\n" + (a.SecretHash ?? a.Secret))))[..16].ToLowerInvariant();
                return (new AdvisorAccount(a.Name, a.Role, a.Schools, Disabled: false, version, Configured: true), hash);
            },
            StringComparer.Ordinal);

    private static string NewVersion() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
}
