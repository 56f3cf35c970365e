using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Broadcasts;

/// <summary>Broadcast progress: recipients done by channel and outcome, and (from <see cref="BroadcastGaugeSampler"/>) those still to go.</summary>
public sealed class BroadcastMetrics
{
    private readonly Counter<long> recipients;
    private long telegramPending;
    private long linePending;

    public BroadcastMetrics(ArcMeter meter)
    {
        recipients = meter.Counter("arc_helper.broadcast.recipients", "{recipient}", "Broadcast recipients done, by channel and outcome (sent, failed, blocked).", "channel", "outcome");
        meter.Gauge(
            "arc_helper.broadcast.pending",
            "{recipient}",
            "Recipients of due broadcasts not reached yet (all hosts).",
            () => [new(Volatile.Read(ref telegramPending), new KeyValuePair<string, object?>("channel", "tg")), new(Volatile.Read(ref linePending), new KeyValuePair<string, object?>("channel", "line"))],
            "channel");
    }

    public void Recipients(string channel, string outcome, int count = 1) =>
        recipients.Add(count, new("channel", channel), new("outcome", outcome));

    internal void Sampled(long telegram, long line)
    {
        Volatile.Write(ref telegramPending, telegram);
        Volatile.Write(ref linePending, line);
    }
}
