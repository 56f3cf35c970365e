using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Line;

/// <summary>
/// LINE messages by kind (reply: free; push, multicast, broadcast: count against the monthly quota) and outcome, and
/// (from <see cref="LineQuotaSampler"/>) the month's quota: its limit, what is used and what is left.
/// </summary>
public sealed class LineMetrics
{
    private readonly Counter<long> messages;
    private long limit = -1;
    private long used = -1;

    public LineMetrics(ArcMeter meter)
    {
        messages = meter.Counter("arc_helper.line.messages", "{message}", "LINE sends by kind (reply, push, multicast, broadcast) and outcome (sent, refused, failed); a multicast counts each recipient.", "kind", "outcome");
        meter.Gauge("arc_helper.line.quota.limit", "{message}", "The channel's monthly message quota (absent when it has none).", () => Known(Volatile.Read(ref limit)));
        meter.Gauge("arc_helper.line.quota.used", "{message}", "Messages counted against the quota this month.", () => Known(Volatile.Read(ref used)));
        meter.Gauge("arc_helper.line.quota.remaining", "{message}", "Messages left this month (absent when the quota is unlimited).", ObserveRemaining);
    }

    public void Sent(string kind, string outcome, int recipients = 1) =>
        messages.Add(recipients, new("kind", kind), new("outcome", outcome));

    /// <param name="monthlyLimit">Null when the channel has no limit.</param>
    internal void Quota(long? monthlyLimit, long usedThisMonth)
    {
        Volatile.Write(ref limit, monthlyLimit ?? -1);
        Volatile.Write(ref used, usedThisMonth);
    }

    private static IEnumerable<Measurement<double>> Known(long value) => value < 0 ? [] : [new(value)];

    private IEnumerable<Measurement<double>> ObserveRemaining()
    {
        var (l, u) = (Volatile.Read(ref limit), Volatile.Read(ref used));
        return l < 0 || u < 0 ? [] : [new(Math.Max(0, l - u))];
    }
}
