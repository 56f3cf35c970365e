using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Broadcasts;

/// <summary>Section "Broadcasts".</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>Shared by every host (a Redis rate gate); Telegram allows about 30 messages a second per bot.</summary>
    [Range(1, 30)]
    public int TelegramMessagesPerSecond { get; set; } = 25;

    /// <summary>Telegram sends in flight at once per host; the rate gate still paces them.</summary>
    [Range(1, 64)]
    public int TelegramParallelism { get; set; } = 8;

    /// <summary>LINE's multicast limit is 500 recipients a call.</summary>
    [Range(1, 500)]
    public int LineBatchSize { get; set; } = 500;

    /// <summary>The runner looks for due jobs at least this often (and right after a job is confirmed).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A recipient claimed by a host that stopped answering is given to another host after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
