using System.Globalization;
using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class TaiwanWorkingDaysTests
{
    [Fact]
    public void SkipsTheWeekend()
    {
        Assert.False(TaiwanWorkingDays.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.Equal(new DateOnly(2026, 3, 9), TaiwanWorkingDays.AddWorkingDays(new DateOnly(2026, 3, 6), 1));
        Assert.Equal(new DateOnly(2026, 3, 11), TaiwanWorkingDays.AddWorkingDays(new DateOnly(2026, 3, 6), 3));
    }

    [Fact]
    public void SkipsLunarNewYear2026()
    {
        Assert.All(Enumerable.Range(14, 9), day => Assert.False(TaiwanWorkingDays.IsWorkingDay(new DateOnly(2026, 2, day))));
        Assert.Equal(new DateOnly(2026, 2, 23), TaiwanWorkingDays.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
    }

    [Fact]
    public void SkipsLunarNewYear2027()
    {
        Assert.All(Enumerable.Range(4, 7), day => Assert.False(TaiwanWorkingDays.IsWorkingDay(new DateOnly(2027, 2, day))));
        Assert.Equal(new DateOnly(2027, 2, 11), TaiwanWorkingDays.AddWorkingDays(new DateOnly(2027, 2, 3), 1));
    }

    [Fact]
    public void SkipsSubstituteDaysOff()
    {
        // 228 falls on a Saturday in 2026: Friday 27 is off, so the third working day after Thursday 26 is Wednesday 4 March.
        Assert.Equal(new DateOnly(2026, 3, 4), TaiwanWorkingDays.AddWorkingDays(new DateOnly(2026, 2, 26), 3));
    }

    [Fact]
    public void CountsAMakeUpWorkingSaturday()
    {
        Assert.True(TaiwanWorkingDays.IsWorkingDay(new DateOnly(2025, 2, 8)));
        Assert.Equal(new DateOnly(2025, 2, 8), TaiwanWorkingDays.AddWorkingDays(new DateOnly(2025, 2, 7), 1));
        Assert.False(TaiwanWorkingDays.IsWorkingDay(new DateOnly(2025, 1, 27)));
    }

    [Fact]
    public void ReturnsTheStartForZeroDays() =>
        Assert.Equal(new DateOnly(2026, 2, 15), TaiwanWorkingDays.AddWorkingDays(new DateOnly(2026, 2, 15), 0));

    [Fact]
    public void Marks2027AsProvisionalAnd2026AsPublished()
    {
        Assert.True(TaiwanWorkingDays.IsProvisional(new DateOnly(2027, 6, 1)));
        Assert.False(TaiwanWorkingDays.IsProvisional(new DateOnly(2026, 6, 1)));
        Assert.True(TaiwanWorkingDays.IsCovered(new DateOnly(2027, 12, 31)));
        Assert.False(TaiwanWorkingDays.IsCovered(new DateOnly(2028, 1, 3)));
    }

    [Fact]
    public void ListsAsManyDaysOffAsTheDgpaTotal()
    {
        var file = EmbeddedJson.Read<HolidayCalendarFile>("Reminders.Data.taiwan-holidays.json");
        Assert.All(file.Years, year =>
        {
            var dates = Enumerable.Range(0, DateTime.IsLeapYear(year.Year) ? 366 : 365).Select(i => new DateOnly(year.Year, 1, 1).AddDays(i));
            var daysOff = dates.Count(d => !TaiwanWorkingDays.IsWorkingDay(d));
            Assert.Equal(year.DaysOff, daysOff);
            Assert.All(year.Days, d => Assert.Equal(year.Year, d.Date.Year));
        });
    }

    [Theory]
    [InlineData(2026, 1, 1, "2026-02-17")]
    [InlineData(2026, 5, 5, "2026-06-19")]
    [InlineData(2026, 8, 15, "2026-09-25")]
    [InlineData(2027, 1, 1, "2027-02-06")]
    [InlineData(2027, 5, 5, "2027-06-09")]
    [InlineData(2027, 8, 15, "2027-09-15")]
    public void PlacesLunarHolidaysOnTheLunisolarCalendar(int year, int lunarMonth, int lunarDay, string expected)
    {
        var calendar = new TaiwanLunisolarCalendar();
        var rocYear = year - 1911;
        var leap = calendar.GetLeapMonth(rocYear);
        var monthIndex = leap != 0 && leap <= lunarMonth ? lunarMonth + 1 : lunarMonth;
        var date = DateOnly.FromDateTime(calendar.ToDateTime(rocYear, monthIndex, lunarDay, 0, 0, 0, 0));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date);
        var file = EmbeddedJson.Read<HolidayCalendarFile>("Reminders.Data.taiwan-holidays.json");
        Assert.Contains(file.Years.SelectMany(y => y.Days), d => d.Date == date && d.Kind == "holiday");
    }
}
