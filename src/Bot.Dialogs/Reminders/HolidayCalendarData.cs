namespace Bot.Dialogs.Reminders;

// Shapes of Data/taiwan-holidays.json.
internal sealed record HolidayCalendarFile(string Source, DateOnly Compiled, IReadOnlyList<HolidayCalendarYear> Years);

/// <param name="Status">"published" (DGPA calendar) or "provisional" (derived from the statute; see ProvisionalReason).</param>
/// <param name="DaysOff">DGPA's total days off for the year, kept to check the lists against.</param>
internal sealed record HolidayCalendarYear(
    int Year,
    string Status,
    string Calendar,
    string? ProvisionalReason,
    int DaysOff,
    IReadOnlyList<CalendarDay> Days,
    IReadOnlyList<CalendarDay> MakeUpWorkdays);

/// <param name="Kind">holiday, substitute (補假) or adjusted (調整放假); null for make-up working days.</param>
internal sealed record CalendarDay(DateOnly Date, string Name, string NameEn, string? Kind);
