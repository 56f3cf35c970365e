using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Inbox;

/// <summary>
/// The webhook inbox as the on-call person sees it: webhook answers, entries appended and handled, how long entries
/// waited, and (from <see cref="InboxGaugeSampler"/>, the same on every host: take the max) the lag, pending and dead letters.
/// </summary>
public sealed class InboxMetrics
{
    private readonly Counter<long> requests;
    private readonly Counter<long> appended;
    private readonly Counter<long> handled;
    private readonly Histogram<double> wait;

    /// <summary>Stream ids carry Redis' real clock, so ages are measured on the real clock too (not a test's fake one).</summary>
    private readonly TimeProvider time = TimeProvider.System;

    /// <summary>Enqueue time (Unix ms) of the oldest entry not yet handled; 0 when the inbox was empty.</summary>
    private long oldestMs;
    private long pending;
    private long deadLetters;

    public InboxMetrics(ArcMeter meter)
    {
        requests = meter.Counter("arc_helper.webhook.requests", "{request}", "Webhook requests by channel and answer (2xx, 4xx, 5xx): a 5xx makes the platform send it again.", "channel", "status");
        appended = meter.Counter("arc_helper.inbox.appended", "{entry}", "Webhook events persisted in the inbox (redeliveries not counted).", "channel");
        handled = meter.Counter("arc_helper.inbox.handled", "{entry}", "Inbox entries finished on this host: done, or dead_lettered after the last attempt.", "channel", "outcome");
        wait = meter.Histogram("arc_helper.inbox.wait", "s", "Time from an entry's arrival in the inbox to its dispatch on a host.", Buckets.Wait, "channel");
        meter.Gauge("arc_helper.inbox.lag", "s", "Age of the oldest inbox entry not yet handled (all hosts; 0 when empty).", ObserveLag);
        meter.Gauge("arc_helper.inbox.pending", "{entry}", "Inbox entries not yet handled (all hosts).", () => [new(Volatile.Read(ref pending))]);
        meter.Gauge("arc_helper.inbox.dead_letters", "{entry}", "Inbound messages that failed every attempt, waiting on the dashboard to be replayed (all hosts).", () => [new(Volatile.Read(ref deadLetters))]);
    }

    public void Request(string channel, int status) =>
        requests.Add(1, new("channel", channel), new("status", status switch { < 300 => "2xx", < 400 => "3xx", < 500 => "4xx", _ => "5xx" }));

    public void Appended(string channel) => appended.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Handled(string channel, bool deadLettered) =>
        handled.Add(1, new("channel", channel), new("outcome", deadLettered ? "dead_lettered" : "done"));

    /// <param name="enqueuedAtMs">From the stream entry's id (Redis' clock when it was appended); null when the id is not a time.</param>
    public void Dispatched(string channel, long? enqueuedAtMs)
    {
        if (enqueuedAtMs is { } at)
        {
            wait.Record(Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - at) / 1000.0, new KeyValuePair<string, object?>("channel", channel));
        }
    }

    internal void Sampled(long? oldestEnqueuedMs, long pendingEntries, long dead)
    {
        Volatile.Write(ref oldestMs, oldestEnqueuedMs ?? 0);
        Volatile.Write(ref pending, pendingEntries);
        Volatile.Write(ref deadLetters, dead);
    }

    /// <summary>Counted from the last sample's oldest entry to now: while Redis is away the lag keeps growing, as students' waits do.</summary>
    private IEnumerable<Measurement<double>> ObserveLag()
    {
        var oldest = Volatile.Read(ref oldestMs);
        return [new(oldest == 0 ? 0 : Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - oldest) / 1000.0)];
    }
}
