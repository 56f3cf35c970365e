using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Retention;

/// <summary>The <c>Retention</c> section: how long personal data outlives the case it was collected for.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days after a case is collected (the student has the card) until its personal fields are dropped, leaving what the
    /// reminders need (the ARC's expiry for next year's reminder).
    /// </summary>
    [Range(1, 3650)]
    public int CollectedCaseDays { get; set; } = 30;

    /// <summary>How often each host looks for expired cases (the clock is read again at least this often).</summary>
    [Range(1, 30)]
    public int PollSeconds { get; set; } = 30;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    public TimeSpan CollectedCaseKeptFor => TimeSpan.FromDays(CollectedCaseDays);
}
