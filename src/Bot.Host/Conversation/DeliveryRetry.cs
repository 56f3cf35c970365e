using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Bot.Host.Conversation;

/// <summary>
/// Runs the handling of one inbound until it succeeds: a failure (a Redis timeout, a platform 5xx after the HTTP client's
/// own retries, the student busy past the lease) is tried again after an exponential back-off with jitter, on the student's
/// work queue, so their later messages wait behind it and keep their order. After <see cref="DeliveryOptions.MaxAttempts"/>
/// attempts (or at once, for input that can never be handled) the caller moves the inbound to the dead-letter stream.
/// Cancellation (the host stopping) ends it with no verdict: the inbound stays unconfirmed for the next start or host.
/// The back-off runs on <paramref name="time"/>: the platform's clock in the host (faults recover in real seconds).
/// </summary>
public sealed class DeliveryRetry(IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryRetry> logger)
{
    /// <param name="attempt">One attempt; it receives the attempt's number (1 for the first).</param>
    /// <param name="attemptsSoFar">Attempts made before this call (an inbound another host gave up on, or redelivered).</param>
    /// <returns>Null when handled; otherwise the last failure, after which the caller dead-letters the inbound.</returns>
    public async Task<Exception?> RunAsync(Func<int, CancellationToken, Task> attempt, int attemptsSoFar, string channel, CancellationToken cancellationToken)
    {
        var o = options.Value;
        for (var number = attemptsSoFar + 1; ; number++)
        {
            try
            {
                await attempt(number, cancellationToken);
                return null;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (number >= o.MaxAttempts || IsPermanent(e))
                {
                    ConversationLog.GaveUp(logger, channel, number, e);
                    return e;
                }

                var delay = Backoff(number);
                ConversationLog.WillRetry(logger, channel, number, delay, e);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>A write that must happen (acknowledging, dead-lettering): tried until it succeeds or the host stops.</summary>
    public async Task PersistAsync(Func<Task> write, string what, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                var delay = Backoff(number);
                ConversationLog.WriteRetry(logger, what, delay, e);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>RetryDelay × 2^(n−1), at most MaxRetryDelay, between half and all of it (so many inbounds failing together spread out).</summary>
    public TimeSpan Backoff(int failedAttempts)
    {
        var o = options.Value;
        var exponential = o.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var capped = Math.Min(exponential, o.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    /// <summary>Input that no retry can fix: a body that is not the platform's JSON.</summary>
    private static bool IsPermanent(Exception e) => e is JsonException or FormatException;
}
