namespace Bot.Host.Telemetry;

/// <summary>
/// Reads what a feature's gauges show from where it lives (Redis, a platform API) and keeps it in fields, so a scrape
/// or an OTLP export never waits on Redis. <see cref="GaugeSampling"/> calls every sampler in turn.
/// </summary>
public interface IGaugeSampler
{
    /// <summary>How often this sampler wants to run.</summary>
    TimeSpan Every { get; }

    /// <summary>How long after the host's start the first sample is taken (at once unless a sampler says otherwise).</summary>
    TimeSpan FirstAfter => TimeSpan.Zero;

    Task SampleAsync(CancellationToken cancellationToken);
}
