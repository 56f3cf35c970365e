namespace Bot.Host.Reminders;

/// <summary>
/// The <c>Holidays</c> section: an operator can point <see cref="File"/> at a newer government office calendar (same
/// format as src/Bot.Dialogs/Reminders/Data/taiwan-holidays.json, documented in docs/reminders.md) without a release.
/// The file is checked at start; a bad one stops the host with the reason.
/// </summary>
public sealed class HolidaysOptions
{
    public const string Section = "Holidays";

    /// <summary>Path of a calendar file; empty: the calendar built into this release.</summary>
    public string? File { get; set; }
}
