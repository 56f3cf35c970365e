using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Bot.Host.Health;

/// <summary>Redis answers PING within <see cref="Timeout"/>: every turn, the inbox and the reminders need it.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var roundTrip = await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {roundTrip.TotalMilliseconds:0.#} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The exception stays out of the response (it names hosts); the status is what a probe needs.
            return HealthCheckResult.Unhealthy("Redis does not answer PING");
        }
    }
}
