using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>What every conversation shares: the school profiles, the clock and the message catalogues.</summary>
public sealed record DialogSettings(IReadOnlyList<SchoolProfile> Schools, TimeProvider Time, MessageCatalogue Messages)
{
    /// <summary>Taiwan has no daylight saving: UTC+8 all year.</summary>
    public static readonly TimeSpan TaiwanOffset = TimeSpan.FromHours(8);

    /// <summary>ARC fees; the host binds the amounts from the "Fees" configuration section.</summary>
    public FeeSchedule Fees { get; init; } = new();

    /// <summary>The office calendar working days are counted in; the host may load a newer file (configuration <c>Holidays:File</c>).</summary>
    public HolidayCalendar Holidays { get; init; } = HolidayCalendar.Embedded;

    public static DialogSettings Default { get; } = new([], TimeProvider.System, MessageCatalogue.Default);

    public DateOnly TodayInTaiwan() => DateOnly.FromDateTime(Time.GetUtcNow().ToOffset(TaiwanOffset).DateTime);
}
