using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace Bot.Host.Telemetry;

/// <summary>
/// Publishes this host's <see cref="ArcMeter"/> instruments on a prometheus-net registry, served at <c>/metrics</c>.
/// prometheus-net's own MeterAdapter was not used: it exports counters as gauges, names series after the meter rather
/// than the instrument (so they would differ from what an OTLP collector writes), drops a series after 5 idle minutes
/// (a counter reset), listens to every host's meter in the process, and sorts and copies the tags of every measurement
/// on the turn's hot path. Here each instrument is one collector with its declared tag names, created before its first
/// measurement, and a measurement is a lookup of its cached child (no allocation).
/// </summary>
internal sealed class PrometheusBridge : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, Sink> sinks = new();
    private readonly ArcMeter meter;
    private readonly MetricFactory factory;
    private volatile bool disposed;

    public PrometheusBridge(ArcMeter meter, CollectorRegistry registry)
    {
        this.meter = meter;
        factory = Metrics.WithCustomRegistry(registry);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (SinkFor(instrument) is { } sink)
            {
                l.EnableMeasurementEvents(instrument, sink);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Sink)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Sink)state!).Record(value, tags));
        listener.Start();

        // Observable gauges are read at each scrape: their callbacks only return fields kept up to date elsewhere.
        registry.AddBeforeCollectCallback(() =>
        {
            if (!disposed)
            {
                listener.RecordObservableInstruments();
            }
        });
    }

    public void Dispose()
    {
        disposed = true;
        listener.Dispose();
    }

    private Sink? SinkFor(Instrument instrument)
    {
        if (meter.TagNamesOf(instrument) is not { } tags)
        {
            return null;
        }

        return sinks.GetOrAdd(instrument, i =>
        {
            var name = PrometheusNames.Of(i);
            var help = string.IsNullOrEmpty(i.Description) ? i.Name : i.Description;
            return i switch
            {
                Counter<long> => new Sink(tags, factory.CreateCounter(name, help, tags, new CounterConfiguration { SuppressInitialValue = true }), static (c, v) => ((Counter.Child)c).Inc(v)),
                Histogram<double> h => new Sink(
                    tags,
                    factory.CreateHistogram(name, help, tags, new HistogramConfiguration { Buckets = [.. h.Advice?.HistogramBucketBoundaries ?? []], SuppressInitialValue = true }),
                    static (c, v) => ((Histogram.Child)c).Observe(v)),
                // No value until the first observation: a LINE quota never read is absent, not 0 (which would look exhausted).
                ObservableGauge<double> => new Sink(tags, factory.CreateGauge(name, help, tags, new GaugeConfiguration { SuppressInitialValue = true }), static (c, v) => ((Gauge.Child)c).Set(v)),
                _ => throw new NotSupportedException($"{i.GetType().Name} ({i.Name}) has no Prometheus form here."),
            };
        });
    }

    /// <summary>One instrument's collector, and its children by tag values (at most three tags, in declared order).</summary>
    private sealed class Sink(string[] tagNames, Collector collector, Action<object, double> record)
    {
        private readonly ConcurrentDictionary<(string?, string?, string?), object> children = new();

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = (Value(tagNames, 0, tags), Value(tagNames, 1, tags), Value(tagNames, 2, tags));
            if (!children.TryGetValue(key, out var child))
            {
                child = children.GetOrAdd(key, k => Child(k));
            }

            record(child, value);
        }

        private object Child((string?, string?, string?) key)
        {
            string[] values = [.. new[] { key.Item1, key.Item2, key.Item3 }.Take(tagNames.Length).Select(v => v ?? string.Empty)];
            return collector switch
            {
                Counter c => c.WithLabels(values),
                Histogram h => h.WithLabels(values),
                Gauge g => g.WithLabels(values),
                _ => throw new NotSupportedException(collector.GetType().Name),
            };
        }

        private static string? Value(string[] names, int index, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (index >= names.Length)
            {
                return null;
            }

            foreach (var tag in tags)
            {
                if (string.Equals(tag.Key, names[index], StringComparison.Ordinal))
                {
                    return tag.Value as string ?? tag.Value?.ToString();
                }
            }

            return null;
        }
    }
}
