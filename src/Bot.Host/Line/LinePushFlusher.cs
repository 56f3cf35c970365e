using System.Net;
using Microsoft.Extensions.Options;

namespace Bot.Host.Line;

/// <summary>
/// Pushes what <see cref="LinePushQueue"/> holds once a student's batch window has passed: up to 5 messages per push,
/// the oldest first. Every host runs it; a student is flushed by one host at a time. A push LINE refuses for good
/// (4xx) is dropped with a warning; one that fails for now (429, 5xx, network) is retried with back-off.
/// </summary>
public sealed class LinePushFlusher(
    LinePushQueue queue,
    LineMessagingClient client,
    LineReachability reachability,
    IOptions<LineOptions> options,
    TimeProvider time,
    ILogger<LinePushFlusher> logger) : BackgroundService
{
    /// <summary>Students flushed per look; the rest are found at the next look.</summary>
    private const int ClaimBatch = 64;

    /// <summary>Attempts of one push before its messages are given up.</summary>
    private const int MaxAttempts = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = queue.NextWake;
                var due = await queue.ClaimDueAsync(ClaimBatch);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, FlushAsync);
                failures = 0;
                if (due.Count == ClaimBatch)
                {
                    continue;
                }

                await Task.WhenAny(woken, Task.Delay(options.Value.PushFlushInterval, time, stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LineLog.FlushFailed(logger, e);
                failures++;
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), time, stoppingToken);
            }
        }
    }

    private async ValueTask FlushAsync(string userId, CancellationToken cancellationToken)
    {
        while (await queue.NextPlanAsync(userId) is { } plan)
        {
            if (await reachability.IsUnreachableAsync(userId))
            {
                LineLog.Unreachable(logger);
                await queue.DropAsync(userId);
                return;
            }

            try
            {
                await client.PushAsync(userId, plan.Messages, plan.RetryKey, cancellationToken);
            }
            catch (LineApiException e) when ((int)e.StatusCode is >= 400 and < 500 && e.StatusCode != HttpStatusCode.TooManyRequests)
            {
                // LINE will refuse these messages however often they are sent.
                LineLog.PushFailed(logger, e);
            }
            catch (Exception e) when (e is LineApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LineLog.PushFailed(logger, e);
                if (plan.Attempts + 1 < MaxAttempts)
                {
                    await queue.SavePlanAsync(userId, plan with { Attempts = plan.Attempts + 1 });
                    await queue.RetryLaterAsync(userId, TimeSpan.FromSeconds(Math.Min(300, 2 << plan.Attempts)));
                    return;
                }

                LineLog.PushGivenUp(logger, MaxAttempts);
            }

            await queue.CompleteAsync(userId, plan);
        }
    }
}
