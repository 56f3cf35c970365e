using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Telemetry;

/// <summary>The <c>Metrics</c> section: how often the gauges read from Redis are refreshed.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Metrics";

    /// <summary>Inbox lag and counts, reminder backlog, broadcast progress, students by stage (read from Redis) this often.</summary>
    [Range(1, 300)]
    public int GaugeRefreshSeconds { get; set; } = 15;

    /// <summary>The LINE quota is asked this often (two Messaging API calls per host), the first time a minute after start at most.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LineQuotaRefresh { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One host at a time counts the students by stage this often (it reads every record, like the dashboard).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StudentCountInterval { get; set; } = TimeSpan.FromMinutes(10);
}
