using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class FeeCalculatorTests
{
    private static readonly FeeSchedule Fees = new();

    [Theory]
    [InlineData(StudentCategory.Foreign, 1, 1_000)]
    [InlineData(StudentCategory.Foreign, 3, 3_000)]
    [InlineData(StudentCategory.OverseasChinese, 1, 500)]
    [InlineData(StudentCategory.OverseasChinese, 2, 1_000)]
    public void ChargesPerYearOfValidity(StudentCategory category, int years, int amount) =>
        Assert.Equal(amount, FeeCalculator.Amount(Fees, category, years));

    [Fact]
    public void UsesTheConfiguredSchedule() =>
        Assert.Equal(2_400, FeeCalculator.Amount(Fees with { PerYear = 1_200 }, StudentCategory.Foreign, 2));

    [Fact]
    public void ChargesTheReissueFee() => Assert.Equal(500, FeeCalculator.ReissueAmount(Fees));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RejectsValidityOutsideOneToThreeYears(int years) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.Amount(Fees, StudentCategory.Foreign, years));
}
