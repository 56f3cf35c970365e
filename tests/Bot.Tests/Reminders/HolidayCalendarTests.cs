using System.Text.Json.Nodes;
using Bot.Dialogs.Reminders;
using Bot.Host.Reminders;
using Bot.Tests.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reminders;

/// <summary>The office calendar an operator can replace without a release, and what the bot does for a year it lacks.</summary>
public sealed class HolidayCalendarTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("holidays").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>A one-year calendar: 2028 (106 weekend days) with two weekday holidays listed, 108 days off.</summary>
    private string WriteCalendar(Action<JsonObject>? change = null)
    {
        var year = new JsonObject
        {
            ["year"] = 2028,
            ["status"] = "published",
            ["calendar"] = "test",
            ["daysOff"] = 108,
            ["days"] = new JsonArray(
                new JsonObject { ["date"] = "2028-02-28", ["kind"] = "holiday", ["name"] = "和平紀念日", ["nameEn"] = "Peace Memorial Day" },
                new JsonObject { ["date"] = "2028-10-10", ["kind"] = "holiday", ["name"] = "國慶日", ["nameEn"] = "National Day" }),
            ["makeUpWorkdays"] = new JsonArray(),
        };
        change?.Invoke(year);
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, new JsonObject { ["source"] = "test", ["compiled"] = "2027-12-01", ["years"] = new JsonArray(year) }.ToJsonString());
        return path;
    }

    [Fact]
    public void LoadsAnOperatorsFileAndCountsWorkingDaysWithIt()
    {
        var calendar = HolidayCalendar.FromFile(WriteCalendar());

        Assert.True(calendar.IsCovered(new DateOnly(2028, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 2, 28)));
        Assert.Equal(new DateOnly(2028, 3, 1), calendar.AddWorkingDays(new DateOnly(2028, 2, 25), 2));   // Fri → (Mon 28 off) Tue, Wed
    }

    [Theory]
    [InlineData("daysOff", "104", "make 108 days off, the file says 104")]
    [InlineData("status", "maybe", "status must be")]
    [InlineData("year", "2029", "is not in that year")]
    public void RefusesABadFileAndSaysWhy(string property, string value, string reason)
    {
        var path = WriteCalendar(y => y[property] = int.TryParse(value, out var n) ? n : value);

        var error = Assert.Throws<InvalidDataException>(() => HolidayCalendar.FromFile(path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuiltInCalendarPassesTheSameChecks() =>
        Assert.Equal(HolidayCalendar.Embedded.CoveredYears.Order(), HolidayCalendar.FromFile(EmbeddedCopy()).CoveredYears.Order());

    [Fact]
    public void ForAYearItLacksItSkipsWeekendsAndTheFixedDateHolidays()
    {
        var calendar = HolidayCalendar.Embedded;

        Assert.False(calendar.IsCovered(new DateOnly(2030, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 10, 10)));   // a Thursday: National Day
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 2, 28)));    // a Thursday: Peace Memorial Day
        Assert.Equal(new DateOnly(2030, 10, 14), calendar.AddWorkingDays(new DateOnly(2030, 10, 9), 2));
    }

    [Fact]
    public void WarnsWhenThisYearOrTheNextIsMissing()
    {
        var calendar = HolidayCalendar.FromFile(WriteCalendar());

        Assert.Equal([2027], HolidayCalendarCheck.MissingYears(calendar, new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero))));
        var note = HolidayCalendarCheck.Note(calendar, new FakeTimeProvider(new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Contains("has no 2029", note, StringComparison.Ordinal);
        Assert.Contains("Holidays:File", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostWithABadCalendarFileRefusesToStartAndNamesIt()
    {
        var path = WriteCalendar(y => y["daysOff"] = 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["Holidays:File"] = path,
        }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static string EmbeddedCopy()
    {
        var path = Path.Combine(Path.GetTempPath(), "taiwan-holidays-" + Guid.NewGuid().ToString("N") + ".json");
        File.Copy(Dialogs.RepositoryFiles.PathOf("src/Bot.Dialogs/Reminders/Data/taiwan-holidays.json"), path);
        return path;
    }
}
