using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class QuietHoursTests
{
    private static DateTimeOffset Taipei(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AllowsAPushAt2159() =>
        Assert.Equal(Taipei(10, 21, 59), QuietHours.NextAllowed(Taipei(10, 21, 59)));

    [Fact]
    public void MovesAPushAt2200ToTheNextMorning() =>
        Assert.Equal(Taipei(11, 8, 0), QuietHours.NextAllowed(Taipei(10, 22, 0)));

    [Fact]
    public void MovesAPushAt0759ToEightTheSameMorning() =>
        Assert.Equal(Taipei(10, 8, 0), QuietHours.NextAllowed(Taipei(10, 7, 59)));

    [Fact]
    public void AllowsAPushAt0800() =>
        Assert.Equal(Taipei(10, 8, 0), QuietHours.NextAllowed(Taipei(10, 8, 0)));

    [Fact]
    public void ReadsTheClockInTaipeiWhateverTheOffset()
    {
        // 14:00 UTC is 22:00 in Taipei; 23:59 UTC is 07:59 the next day in Taipei.
        Assert.Equal(Taipei(11, 8, 0), QuietHours.NextAllowed(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Taipei(11, 8, 0), QuietHours.NextAllowed(new DateTimeOffset(2026, 3, 10, 23, 59, 0, TimeSpan.Zero)));
        var allowed = new DateTimeOffset(2026, 3, 10, 13, 59, 0, TimeSpan.Zero);
        Assert.Equal(allowed, QuietHours.NextAllowed(allowed));
    }
}
