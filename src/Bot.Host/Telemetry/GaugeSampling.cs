namespace Bot.Host.Telemetry;

/// <summary>The loop that refreshes the gauges read from Redis and platform APIs: each sampler when it is due, one at a time.</summary>
public sealed class GaugeSampling(IEnumerable<IGaugeSampler> samplers, TimeProvider time, ILogger<GaugeSampling> logger) : BackgroundService
{
    /// <summary>The clock is read again at least this often (never a sleep until a computed due time).</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        var due = samplers.ToDictionary(s => s, s => started + s.FirstAfter);
        if (due.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Tick, time);
        do
        {
            foreach (var sampler in due.Keys.ToList())
            {
                var now = time.GetUtcNow();
                if (now < due[sampler])
                {
                    continue;
                }

                try
                {
                    await sampler.SampleAsync(stoppingToken);
                    due[sampler] = now + sampler.Every;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // Redis or the platform away: the gauges keep their last values (the inbox lag keeps growing); try again soon.
                    TelemetryLog.SampleFailed(logger, sampler.GetType().Name, e);
                    due[sampler] = now + TimeSpan.FromTicks(Math.Min(sampler.Every.Ticks, TimeSpan.FromSeconds(5).Ticks));
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

internal static partial class TelemetryLog
{
    [LoggerMessage(EventId = 950, Level = LogLevel.Warning, Message = "Could not refresh the gauges of {Sampler}; keeping the last values")]
    public static partial void SampleFailed(ILogger logger, string sampler, Exception exception);
}
