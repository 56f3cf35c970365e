using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Reminders;

/// <summary>The <c>Reminders</c> section: how the scheduler polls and claims.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How often each host looks for due reminders.</summary>
    [Range(1, 30)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>A claimed reminder not acknowledged within this time (its host died) goes back to the due set.</summary>
    [Range(10, 3600)]
    public int ClaimLeaseSeconds { get; set; } = 120;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How long "sent" markers are kept, so planning again never repeats a reminder.</summary>
    [Range(1, 3650)]
    public int SentMarkerDays { get; set; } = 400;

    /// <summary>A push that failed (channel down) is tried again after this long.</summary>
    [Range(1, 86_400)]
    public int RetrySeconds { get; set; } = 300;
}
