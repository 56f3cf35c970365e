namespace Bot.Host.Telemetry;

/// <summary>Histogram bucket bounds (seconds) shared by the features' metrics.</summary>
public static class Buckets
{
    /// <summary>Redis round trips: sub-millisecond on loopback, a few ms to a managed Redis.</summary>
    public static readonly double[] RoundTrip = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    /// <summary>Turns and webhooks: milliseconds normally; seconds for uploads or a busy Redis.</summary>
    public static readonly double[] Turn = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>Photo and document processing: a fraction of a second to a minute.</summary>
    public static readonly double[] Upload = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    /// <summary>Waiting (inbox, reminders after their due time): seconds to a day (quiet hours hold reminders overnight).</summary>
    public static readonly double[] Wait = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 14_400, 43_200, 86_400];
}
