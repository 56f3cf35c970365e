namespace Bot.Dialogs.Reminders;

/// <summary>The built-in calendar (<see cref="HolidayCalendar.Embedded"/>) for callers that have no configured one; hosts pass theirs through <c>DialogSettings.Holidays</c>.</summary>
public static class TaiwanWorkingDays
{
    public static IReadOnlyCollection<int> CoveredYears => HolidayCalendar.Embedded.CoveredYears;

    public static bool IsCovered(DateOnly date) => HolidayCalendar.Embedded.IsCovered(date);

    public static bool IsProvisional(DateOnly date) => HolidayCalendar.Embedded.IsProvisional(date);

    public static bool IsWorkingDay(DateOnly date) => HolidayCalendar.Embedded.IsWorkingDay(date);

    public static DateOnly AddWorkingDays(DateOnly start, int n) => HolidayCalendar.Embedded.AddWorkingDays(start, n);
}
