namespace Bot.Dialogs.Reminders;

/// <summary>Government working days in Taiwan (NIA stations follow the DGPA office calendar), from Data/taiwan-holidays.json.</summary>
/// <remarks>Outside the years in the file only weekends are days off; check <see cref="IsCovered"/> and warn when that matters.</remarks>
public static class TaiwanWorkingDays
{
    private static readonly HolidayCalendarFile Data = EmbeddedJson.Read<HolidayCalendarFile>("Reminders.Data.taiwan-holidays.json");
    private static readonly HashSet<DateOnly> DaysOff = [.. Data.Years.SelectMany(y => y.Days).Select(d => d.Date)];
    private static readonly HashSet<DateOnly> MakeUpWorkdays = [.. Data.Years.SelectMany(y => y.MakeUpWorkdays).Select(d => d.Date)];
    private static readonly Dictionary<int, HolidayCalendarYear> Years = Data.Years.ToDictionary(y => y.Year);

    /// <summary>Years the data file covers.</summary>
    public static IReadOnlyCollection<int> CoveredYears => Years.Keys;

    /// <summary>True when the data file has the DGPA calendar (or a provisional one) for this date's year.</summary>
    public static bool IsCovered(DateOnly date) => Years.ContainsKey(date.Year);

    /// <summary>True when the year's calendar was derived from the statute because DGPA's was not found; it may change.</summary>
    public static bool IsProvisional(DateOnly date) => Years.TryGetValue(date.Year, out var year) && year.Status == "provisional";

    /// <summary>A working day is a weekday that is not a listed day off, or a make-up working Saturday.</summary>
    public static bool IsWorkingDay(DateOnly date)
    {
        if (MakeUpWorkdays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DaysOff.Contains(date);
    }

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="start"/> (start itself is not counted; n = 0 returns start).</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var date = start;
        for (var counted = 0; counted < n;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }
}
