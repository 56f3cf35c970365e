using System.Globalization;

namespace Bot.Dialogs.Reminders;

/// <summary>Taiwan wall-clock helpers. Taiwan has kept UTC+8 without daylight saving since 1980, so a fixed offset is exact and needs no time-zone database on the host.</summary>
public static class TaipeiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToTaipei(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar date in Taiwan at <paramref name="instant"/>; deadlines are counted in Taiwan days.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToTaipei(instant).DateTime);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>Dates in reminder texts: ISO 8601 reads the same in English and Chinese and cannot be mistaken for day/month.</summary>
    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string FormatAmount(int amount) => amount.ToString("N0", CultureInfo.InvariantCulture);
}
