using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Limits;

/// <summary>
/// Section "Limits": how fast one student may go. A token bucket on turns (a burst, then a steady rate) and a daily
/// upload quota (Taiwan's day), both kept in Redis under the student's hash tag, so every host counts the same.
/// </summary>
public sealed class StudentLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Turns a student may take in a row before the rate applies (answering a form is far slower).</summary>
    [Range(1, 10_000)]
    public int TurnBurst { get; set; } = 20;

    /// <summary>Turns a minute refilled into the bucket.</summary>
    [Range(1, 10_000)]
    public int TurnsPerMinute { get; set; } = 20;

    /// <summary>Files a student may send a day (Taiwan time); each is fetched and may be cropped or rendered.</summary>
    [Range(1, 10_000)]
    public int UploadsPerDay { get; set; } = 40;
}
