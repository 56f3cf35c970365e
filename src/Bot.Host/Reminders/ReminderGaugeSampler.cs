using Bot.Host.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Reminders;

/// <summary>The reminder backlog from the due set, in one pipelined round trip: how many are due now, and the earliest due time.</summary>
public sealed class ReminderGaugeSampler(IConnectionMultiplexer redis, ReminderMetrics metrics, TimeProvider time, IOptions<TelemetryOptions> options) : IGaugeSampler
{
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.GaugeRefreshSeconds);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var now = time.GetUtcNow();
        var count = db.SortedSetLengthAsync(ReminderStore.Due, double.NegativeInfinity, now.ToUnixTimeMilliseconds());
        var first = db.SortedSetRangeByRankWithScoresAsync(ReminderStore.Due, 0, 0);
        await Task.WhenAll(count, first);
        var oldestWait = (await first) is [var entry] && entry.Score <= now.ToUnixTimeMilliseconds()
            ? now - DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score)
            : TimeSpan.Zero;
        metrics.Sampled(await count, oldestWait);
    }
}
