using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bot.Host.Telemetry;

/// <summary>
/// The host's one Meter and ActivitySource, both named <see cref="Name"/>. Each feature's metrics class creates its
/// instruments here, naming the tags they carry (channel, outcome, stage, kind: never a personal value), so the
/// Prometheus endpoint can publish every instrument before its first measurement.
/// </summary>
public sealed class ArcMeter
{
    public const string Name = "ArcHelper";

    /// <summary>Spans of webhook → inbox → turn → Redis → reply. Started only when a tracer listens (the OpenTelemetry SDK).</summary>
    public static readonly ActivitySource Traces = new(Name);

    private readonly ConcurrentDictionary<string, string[]> tagNames = new(StringComparer.Ordinal);

    public ArcMeter(IMeterFactory factory) => Meter = factory.Create(Name);

    public Meter Meter { get; }

    /// <summary>The tag names an instrument was declared with; null for an instrument not created here.</summary>
    public string[]? TagNamesOf(Instrument instrument) =>
        ReferenceEquals(instrument.Meter, Meter) && tagNames.TryGetValue(instrument.Name, out var names) ? names : null;

    public Counter<long> Counter(string name, string unit, string description, params string[] tags)
    {
        Declare(name, tags);
        return Meter.CreateCounter<long>(name, unit, description);
    }

    /// <param name="buckets">Upper bounds, used by OpenTelemetry (as advice) and the Prometheus endpoint alike.</param>
    public Histogram<double> Histogram(string name, string unit, string description, double[] buckets, params string[] tags)
    {
        Declare(name, tags);
        return Meter.CreateHistogram(name, unit, description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets });
    }

    /// <summary>A value read when metrics are collected; the callback must be cheap (a field, never a Redis call).</summary>
    public ObservableGauge<double> Gauge(string name, string unit, string description, Func<IEnumerable<Measurement<double>>> observe, params string[] tags)
    {
        Declare(name, tags);
        return Meter.CreateObservableGauge(name, observe, unit, description);
    }

    private void Declare(string name, string[] tags)
    {
        if (tags.Length > 3)
        {
            throw new ArgumentException($"The instrument {name} has more than three tags.", nameof(tags));
        }

        if (!tagNames.TryAdd(name, tags))
        {
            throw new InvalidOperationException($"The instrument {name} is declared twice.");
        }
    }
}
