using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Storage;

/// <summary>
/// Redis must never evict keys (<c>maxmemory-policy noeviction</c>): student records and outboxes have TTLs, so a
/// volatile-* policy evicts them first when memory runs short, and an allkeys-* one the inbox and the leases as well —
/// silently losing students and accepted webhooks. At start the host reads the policy (<c>CONFIG GET</c>, on a short-lived
/// admin connection of its own) and refuses to start under any other unless <c>Storage:AllowEvictionPolicy</c> is set, then
/// warns loudly. A managed Redis that refuses CONFIG gets a warning and the host goes on. When Redis is unreachable at start
/// (the host still starts, /healthz says 503), the check is made as soon as it answers, and a wrong policy then stops the host.
/// </summary>
public sealed class RedisEvictionCheck(
    IOptions<RedisOptions> redis,
    IOptions<StorageOptions> storage,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<RedisEvictionCheck> logger) : BackgroundService
{
    public const string Safe = "noeviction";

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Under 30 s: while Redis is unreachable, the check is tried again this often.</summary>
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);

    private bool checkedAtStart;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        checkedAtStart = await CheckAsync(cancellationToken) is not null;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!checkedAtStart && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, time, stoppingToken);
                if (await CheckAsync(stoppingToken) is not null)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (InvalidOperationException e)
            {
                // The host already serves: stop it rather than let Redis evict students.
                StorageLog.EvictionStops(logger, e);
                lifetime.StopApplication();
                return;
            }
        }
    }

    /// <summary>The policy found (or "unknown" when CONFIG is refused), null when Redis did not answer; throws on a refused policy.</summary>
    private async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        string? policy;
        try
        {
            policy = await ReadPolicyAsync().WaitAsync(AttemptTimeout, cancellationToken);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException or TimeoutException)
        {
            StorageLog.EvictionUnchecked(logger, e);
            return null;
        }
        catch (RedisServerException e)
        {
            // A managed Redis (ElastiCache, Azure Cache, ...) may refuse CONFIG: its provider's settings must say noeviction.
            StorageLog.EvictionConfigRefused(logger, e);
            return "unknown";
        }

        if (policy is null)
        {
            StorageLog.EvictionConfigRefused(logger, null);
            return "unknown";
        }

        if (string.Equals(policy, Safe, StringComparison.OrdinalIgnoreCase))
        {
            return policy;
        }

        if (storage.Value.AllowEvictionPolicy)
        {
            StorageLog.EvictionAllowed(logger, policy);
            return policy;
        }

        throw new InvalidOperationException(
            $"Redis maxmemory-policy is '{policy}': Redis may evict student records, outboxes and accepted webhooks when its memory is full. "
            + $"Set maxmemory-policy {Safe} (compose.yaml does), or set Storage:AllowEvictionPolicy=true to accept that risk.");
    }

    /// <summary>
    /// The policy, or null when CONFIG answered nothing (a proxy that hides it). On a Redis Cluster every primary has its
    /// own: the first that is not noeviction is the answer.
    /// </summary>
    private async Task<string?> ReadPolicyAsync()
    {
        var options = ConfigurationOptions.Parse(redis.Value.ConnectionString);
        options.AllowAdmin = true;
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, (int)AttemptTimeout.TotalMilliseconds);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(options);
        var primaries = admin.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToList();
        var policies = new List<string?>();
        foreach (var primary in primaries.Count > 0 ? primaries : [admin.GetServers()[0]])
        {
            var values = await primary.ConfigGetAsync("maxmemory-policy");
            policies.Add(values.Length > 0 ? values[0].Value : null);
        }

        return policies.FirstOrDefault(p => p is not null && !string.Equals(p, Safe, StringComparison.OrdinalIgnoreCase))
            ?? (policies.Contains(null) ? null : Safe);
    }
}
