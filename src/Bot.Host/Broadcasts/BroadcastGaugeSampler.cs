using Bot.Host.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary>Recipients left in the broadcasts due now (pending plus claimed), per channel; a handful of jobs at most.</summary>
public sealed class BroadcastGaugeSampler(IConnectionMultiplexer redis, BroadcastStore store, BroadcastMetrics metrics, TimeProvider time, IOptions<TelemetryOptions> options) : IGaugeSampler
{
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.GaugeRefreshSeconds);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var jobs = await store.DueAsync(time.GetUtcNow());
        var left = jobs.SelectMany(id => AudienceFilter.BroadcastChannels.Select(channel => (
            Channel: channel,
            Pending: db.SetLengthAsync(BroadcastStore.PendingKey(id, channel)),
            Claimed: db.HashLengthAsync(BroadcastStore.InflightKey(id, channel))))).ToList();
        await Task.WhenAll(left.SelectMany(l => new[] { l.Pending, l.Claimed }));
        long Left(string channel) => left.Where(l => l.Channel == channel).Sum(l => l.Pending.Result + l.Claimed.Result);
        metrics.Sampled(Left("tg"), Left("line"));
    }
}
