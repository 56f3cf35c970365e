using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class OverstayFineCalculatorTests
{
    private static readonly DateOnly Current = new(2026, 6, 1);

    [Theory]
    [InlineData(1, 10_000)]
    [InlineData(10, 10_000)]
    [InlineData(11, 20_000)]
    [InlineData(30, 20_000)]
    [InlineData(31, 30_000)]
    [InlineData(60, 30_000)]
    [InlineData(61, 40_000)]
    [InlineData(90, 40_000)]
    [InlineData(91, 50_000)]
    [InlineData(400, 50_000)]
    public void UsesTheCurrentTableByDaysOverdue(int days, int amount) =>
        Assert.Equal(amount, OverstayFineCalculator.Calculate(days, Current).Amount);

    [Theory]
    [InlineData(10, 2_000)]
    [InlineData(11, 4_000)]
    [InlineData(30, 4_000)]
    [InlineData(31, 6_000)]
    [InlineData(60, 6_000)]
    [InlineData(61, 8_000)]
    [InlineData(90, 8_000)]
    [InlineData(91, 10_000)]
    public void UsesTheOldTableBeforeMarch2024(int days, int amount) =>
        Assert.Equal(amount, OverstayFineCalculator.Calculate(days, new DateOnly(2024, 2, 29)).Amount);

    [Fact]
    public void SwitchesToTheNewTableOnTheFirstOfMarch2024()
    {
        var before = OverstayFineCalculator.Calculate(10, new DateOnly(2024, 2, 29));
        var after = OverstayFineCalculator.Calculate(10, new DateOnly(2024, 3, 1));

        Assert.Equal((2_000, 2_000, 10_000), (before.Amount, before.LegalMinimum, before.LegalMaximum));
        Assert.Equal((10_000, 10_000, 50_000), (after.Amount, after.LegalMinimum, after.LegalMaximum));
        Assert.Equal(new DateOnly(2024, 3, 1), after.RuleSetEffectiveFrom);
    }

    [Fact]
    public void OffersTheDiscretionaryHalvingOnlyFromOctober2025()
    {
        var before = OverstayFineCalculator.Calculate(15, new DateOnly(2025, 9, 30));
        var after = OverstayFineCalculator.Calculate(15, new DateOnly(2025, 10, 1));

        Assert.False(before.SelfReportHalvingPossible);
        Assert.Null(before.HalvedAmount);
        Assert.True(after.SelfReportHalvingPossible);
        Assert.Equal(20_000, after.Amount);
        Assert.Equal(10_000, after.HalvedAmount);
        Assert.Equal("2025-10-01", after.RuleSetId);
    }

    [Fact]
    public void CountsTheDayAfterExpiryAsTheFirstDayOverdue()
    {
        var expiry = new DateOnly(2026, 3, 31);

        Assert.Null(OverstayFineCalculator.Calculate(expiry, expiry));
        Assert.Null(OverstayFineCalculator.Calculate(expiry, expiry.AddDays(-5)));
        Assert.Equal(1, OverstayFineCalculator.Calculate(expiry, new DateOnly(2026, 4, 1))!.DaysOverdue);
        Assert.Equal(11, OverstayFineCalculator.Calculate(expiry, new DateOnly(2026, 4, 11))!.DaysOverdue);
    }

    [Fact]
    public void FlagsAnOrderToLeaveFromThirtyDays()
    {
        var under = OverstayFineCalculator.Calculate(29, Current);
        var at = OverstayFineCalculator.Calculate(30, Current);

        Assert.False(under.MustLeave);
        Assert.True(under.NeedsNewResidenceApplication);
        Assert.True(at.MustLeave);
        Assert.Equal((10, 1, 7), (at.LeaveWithinDays, at.EntryBanMinYears, at.EntryBanMaxYears));
    }

    [Fact]
    public void NamesItsSources() =>
        Assert.All(OverstayFineCalculator.Calculate(5, Current).Sources, s => Assert.StartsWith("https://", s, StringComparison.Ordinal));

    [Fact]
    public void RejectsZeroDays() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OverstayFineCalculator.Calculate(0, Current));
}
