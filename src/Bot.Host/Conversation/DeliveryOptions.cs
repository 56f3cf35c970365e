using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Conversation;

/// <summary>
/// The <c>Delivery</c> section: how an inbound (a webhook event from the inbox, a polled Telegram update) whose handling
/// fails is tried again before it is moved to the dead-letter stream (visible and replayable on the dashboard).
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts before dead-lettering, the first included (a Redis blip or a platform 5xx is usually over by the second).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each one, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts (at most 30 s, so a loop never sleeps past a clock change for long).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
