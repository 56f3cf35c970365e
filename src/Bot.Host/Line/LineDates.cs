using System.Globalization;

namespace Bot.Host.Line;

/// <summary>Dates in the datetime picker's date mode: RFC 3339 full-date, from 1900-01-01 to 2100-12-31 (LINE's reference).</summary>
public static class LineDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
