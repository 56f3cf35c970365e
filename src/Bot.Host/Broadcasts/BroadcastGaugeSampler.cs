using Bot.Host.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Broadcasts;

/// <summary>Recipients left in the broadcasts due now (pending plus claimed, over every language group), per channel; a handful of jobs at most.</summary>
public sealed class BroadcastGaugeSampler(IConnectionMultiplexer redis, BroadcastStore store, BroadcastMetrics metrics, TimeProvider time, IOptions<TelemetryOptions> options) : IGaugeSampler
{
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.GaugeRefreshSeconds);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var ids = await store.DueAsync(time.GetUtcNow());
        var jobs = (await Task.WhenAll(ids.Select(store.GetAsync))).OfType<BroadcastJob>();
        var left = jobs.SelectMany(job => job.Groups.Select(group => (
            group.Channel,
            Pending: db.SetLengthAsync(BroadcastStore.PendingKey(job.Id, group)),
            Claimed: db.HashLengthAsync(BroadcastStore.InflightKey(job.Id, group))))).ToList();
        await Task.WhenAll(left.SelectMany(l => new[] { l.Pending, l.Claimed }));
        long Left(string channel) => left.Where(l => l.Channel == channel).Sum(l => l.Pending.Result + l.Claimed.Result);
        metrics.Sampled(Left("tg"), Left("line"));
    }
}
