using System.Diagnostics;

namespace Bot.Host.Telegram;

/// <summary>
/// A message allowance (GCRA: a token bucket without a timer): up to <paramref name="Burst"/> at once, then
/// <paramref name="MessagesPerSecond"/>. Callers wait in the order they asked. It paces against the platform's
/// real clock, not the host's TimeProvider: a test's frozen clock must not hold replies back.
/// </summary>
internal sealed class MessagePacer(double MessagesPerSecond, int Burst)
{
    private readonly Lock gate = new();
    private readonly long interval = (long)(Stopwatch.Frequency / MessagesPerSecond);
    private long theoreticalArrival;

    public Task WaitAsync(int messages, CancellationToken cancellationToken)
    {
        if (messages <= 0)
        {
            return Task.CompletedTask;
        }

        long wait;
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            theoreticalArrival = Math.Max(theoreticalArrival, now) + (messages * interval);
            wait = theoreticalArrival - (Burst * interval) - now;
        }

        return wait <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
    }
}
