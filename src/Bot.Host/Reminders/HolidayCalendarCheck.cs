using Bot.Dialogs.Reminders;

namespace Bot.Host.Reminders;

/// <summary>At start, warns when the office calendar lacks this year or the next: pickup dates then skip only weekends and fixed-date holidays.</summary>
public sealed class HolidayCalendarCheck(HolidayCalendar holidays, TimeProvider time, ILogger<HolidayCalendarCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var year in MissingYears(holidays, time))
        {
            ReminderLog.CalendarYearMissing(logger, year, holidays.Origin);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>This year and the next, when the calendar does not have them.</summary>
    public static IReadOnlyList<int> MissingYears(HolidayCalendar holidays, TimeProvider time)
    {
        var today = TaipeiTime.DateOf(time.GetUtcNow());
        return [.. new[] { today, today.AddYears(1) }.Where(d => !holidays.IsCovered(d)).Select(d => d.Year)];
    }

    /// <summary>The dashboard's note, or null when both years are there.</summary>
    public static string? Note(HolidayCalendar holidays, TimeProvider time) =>
        MissingYears(holidays, time) is { Count: > 0 } missing
            ? $"Office calendar ({holidays.Origin}) has no {string.Join(" or ", missing)}: pickup dates skip only weekends and fixed-date holidays and are marked approximate. Load a newer file with Holidays:File (docs/reminders.md)."
            : null;
}
