using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Reminders;

/// <summary>
/// Reminders pushed (by channel and outcome) and how late after their due time, and (from <see cref="ReminderGaugeSampler"/>,
/// the same on every host) how many are due and unsent and how long the oldest has waited.
/// </summary>
public sealed class ReminderMetrics
{
    private readonly Counter<long> reminders;
    private readonly Histogram<double> delay;
    private long due;
    private double overdueSeconds;

    public ReminderMetrics(ArcMeter meter)
    {
        reminders = meter.Counter("arc_helper.reminders", "{reminder}", "Reminders handled by channel and outcome: sent, blocked (the student blocked the bot), failed (tried again later), dropped (no longer applies), deferred (quiet hours or not yet due).", "channel", "outcome");
        delay = meter.Histogram("arc_helper.reminder.delay", "s", "How long after its due time a reminder went out (quiet hours hold reminders until 08:00 on purpose).", Buckets.Wait, "channel");
        meter.Gauge("arc_helper.reminders.due", "{reminder}", "Reminders due now and not sent yet (all hosts).", () => [new(Volatile.Read(ref due))]);
        meter.Gauge("arc_helper.reminders.overdue", "s", "How long the oldest due, unsent reminder has waited (all hosts; 0 when none).", () => [new(Volatile.Read(ref overdueSeconds))]);
    }

    public void Handled(string channel, string outcome) =>
        reminders.Add(1, new("channel", channel), new("outcome", outcome));

    public void Sent(string channel, TimeSpan late)
    {
        Handled(channel, "sent");
        delay.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));
    }

    internal void Sampled(long dueNow, TimeSpan oldestWait)
    {
        Volatile.Write(ref due, dueNow);
        Volatile.Write(ref overdueSeconds, Math.Max(0, oldestWait.TotalSeconds));
    }
}
