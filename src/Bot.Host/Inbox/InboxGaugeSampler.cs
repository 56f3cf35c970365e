using System.Globalization;
using Bot.Host.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Inbox;

/// <summary>
/// Reads the inbox gauges from Redis in one pipelined round trip: per shard the stream's length and first entry (handled
/// entries are deleted, so the first one is the oldest not yet handled) and the dead-letter stream's length.
/// </summary>
public sealed class InboxGaugeSampler(IConnectionMultiplexer redis, InboxMetrics metrics, IOptions<TelemetryOptions> options) : IGaugeSampler
{
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.GaugeRefreshSeconds);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var shards = Enumerable.Range(0, DurableInbox.ShardCount).Select(shard => (
            Length: db.StreamLengthAsync(DurableInbox.Stream(shard)),
            First: db.StreamRangeAsync(DurableInbox.Stream(shard), "-", "+", 1),
            Dead: db.StreamLengthAsync(DeadLetters.Stream(shard)))).ToList();
        await Task.WhenAll(shards.SelectMany(s => new Task[] { s.Length, s.First, s.Dead }));

        long? oldest = null;
        foreach (var (_, first, _) in shards)
        {
            if ((await first) is [var entry] && EnqueuedAtMs(entry.Id) is { } at)
            {
                oldest = Math.Min(oldest ?? long.MaxValue, at);
            }
        }

        metrics.Sampled(oldest, shards.Sum(s => s.Length.Result), shards.Sum(s => s.Dead.Result));
    }

    /// <summary>A stream entry id is "&lt;Unix ms&gt;-&lt;sequence&gt;", the time Redis appended it.</summary>
    public static long? EnqueuedAtMs(RedisValue id)
    {
        var text = id.ToString();
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash > 0 ? text[..dash] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : null;
    }
}
