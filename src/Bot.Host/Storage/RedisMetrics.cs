using System.Diagnostics;
using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Storage;

/// <summary>Round-trip time of the turn's Redis scripts (begin, commit, extend, release, keep_outbox), each also a span.</summary>
public sealed class RedisMetrics(ArcMeter meter)
{
    private readonly Histogram<double> duration =
        meter.Histogram("arc_helper.redis.duration", "s", "Round trip of a turn's Redis script, by operation.", Buckets.RoundTrip, "operation");

    /// <summary>Starts timing one script call; dispose it when the answer is in.</summary>
    public RoundTrip Start(string operation) =>
        new(this, operation, ArcMeter.Traces.HasListeners() ? ArcMeter.Traces.StartActivity("redis " + operation, ActivityKind.Client) : null, Stopwatch.GetTimestamp());

    public readonly struct RoundTrip(RedisMetrics metrics, string operation, Activity? activity, long started) : IDisposable
    {
        public void Dispose()
        {
            metrics.duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
            if (activity is not null)
            {
                activity.SetTag("db.system.name", "redis");
                activity.SetTag("db.operation.name", "EVALSHA");
                activity.Dispose();
            }
        }
    }
}
