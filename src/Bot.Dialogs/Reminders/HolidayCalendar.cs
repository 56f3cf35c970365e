using System.Text.Json;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Government working days in Taiwan (NIA stations follow the DGPA office calendar). The calendar ships in
/// Data/taiwan-holidays.json; an operator can load a newer file of the same format without a release
/// (<see cref="FromFile"/>, checked when loaded). For a year the file does not cover, weekends and the fixed-date
/// national holidays (1 January, 28 February, 1 May, 10 October) are days off and every date counted from it is
/// approximate (<see cref="IsCovered"/>): lunar holidays move every year, so they cannot be guessed.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>(month, day) of the holidays that fall on the same date every year.</summary>
    private static readonly (int Month, int Day)[] FixedDateHolidays = [(1, 1), (2, 28), (5, 1), (10, 10)];

    private readonly HashSet<DateOnly> daysOff;
    private readonly HashSet<DateOnly> makeUpWorkdays;
    private readonly Dictionary<int, HolidayCalendarYear> years;

    private HolidayCalendar(HolidayCalendarFile file, string origin)
    {
        Origin = origin;
        daysOff = [.. file.Years.SelectMany(y => y.Days).Select(d => d.Date)];
        makeUpWorkdays = [.. file.Years.SelectMany(y => y.MakeUpWorkdays).Select(d => d.Date)];
        years = file.Years.ToDictionary(y => y.Year);
    }

    /// <summary>The calendar built into this release.</summary>
    public static HolidayCalendar Embedded { get; } = new(EmbeddedJson.Read<HolidayCalendarFile>("Reminders.Data.taiwan-holidays.json"), "built in");

    /// <summary>Where the calendar came from ("built in" or a file path), for logs and the dashboard.</summary>
    public string Origin { get; }

    public IReadOnlyCollection<int> CoveredYears => years.Keys;

    /// <summary>Reads and checks a calendar file; every problem is named, so a bad file stops the host at start.</summary>
    public static HolidayCalendar FromFile(string path)
    {
        HolidayCalendarFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<HolidayCalendarFile>(stream, Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Holiday calendar {path} cannot be read: {e.Message}", e);
        }

        var problems = file is null ? ["the file is empty"] : Problems(file).ToList();
        return problems.Count == 0
            ? new HolidayCalendar(file!, path)
            : throw new InvalidDataException($"Holiday calendar {path} is not valid: {string.Join("; ", problems)}.");
    }

    /// <summary>What is wrong with a calendar file (the embedded one passes these checks too, in a test).</summary>
    internal static IEnumerable<string> Problems(HolidayCalendarFile file)
    {
        if (file.Years is not { Count: > 0 })
        {
            yield return "it lists no years";
            yield break;
        }

        foreach (var year in file.Years)
        {
            if (file.Years.Count(y => y.Year == year.Year) > 1)
            {
                yield return $"{year.Year} is listed twice";
            }

            if (year.Status is not ("published" or "provisional"))
            {
                yield return $"{year.Year}: status must be \"published\" or \"provisional\"";
            }

            var days = year.Days ?? [];
            var makeUps = year.MakeUpWorkdays ?? [];
            foreach (var day in days.Concat(makeUps).Where(d => d.Date.Year != year.Year))
            {
                yield return $"{year.Year}: {day.Date:yyyy-MM-dd} is not in that year";
            }

            foreach (var day in makeUps.Where(d => d.Date.DayOfWeek != DayOfWeek.Saturday))
            {
                yield return $"{year.Year}: make-up working day {day.Date:yyyy-MM-dd} is not a Saturday";
            }

            var counted = CountDaysOff(year.Year, days.Select(d => d.Date).ToHashSet(), makeUps.Select(d => d.Date).ToHashSet());
            if (counted != year.DaysOff)
            {
                yield return $"{year.Year}: the days listed make {counted} days off, the file says {year.DaysOff}";
            }
        }
    }

    /// <summary>True when the calendar has this date's year; otherwise dates counted from it are approximate.</summary>
    public bool IsCovered(DateOnly date) => years.ContainsKey(date.Year);

    /// <summary>True when the year's calendar was derived from the statute because DGPA's was not found; it may change.</summary>
    public bool IsProvisional(DateOnly date) => years.TryGetValue(date.Year, out var year) && year.Status == "provisional";

    /// <summary>A working day is a weekday that is not a day off, or a make-up working Saturday.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (makeUpWorkdays.Contains(date))
        {
            return true;
        }

        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        return IsCovered(date) ? !daysOff.Contains(date) : !FixedDateHolidays.Contains((date.Month, date.Day));
    }

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="start"/> (start itself is not counted; n = 0 returns start).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
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

    private static int CountDaysOff(int year, HashSet<DateOnly> days, HashSet<DateOnly> makeUps)
    {
        var count = 0;
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if ((weekend && !makeUps.Contains(date)) || (!weekend && days.Contains(date)))
            {
                count++;
            }
        }

        return count;
    }
}
