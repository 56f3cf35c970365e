using Bot.Dialogs.Messages;

namespace Bot.Tests.Dialogs;

public sealed class MessageFormatTests
{
    [Theory]
    [InlineData(1, "1 day left")]
    [InlineData(3, "3 days left")]
    [InlineData(0, "0 days left")]
    public void PicksThePluralFormForTheNumber(int days, string expected) =>
        Assert.Equal(expected, MessageFormat.Format("{0, plural, one {# day} other {# days}} left", [days]));

    [Fact]
    public void FillsOtherPlaceholdersInsideAndAroundTheChosenForm() =>
        Assert.Equal(
            "Pay by 2026-11-29 (1 day left).",
            MessageFormat.Format("Pay by {0} ({1, plural, =0 {today} one {# day left} other {# days left}}).", ["2026-11-29", 1]));

    [Fact]
    public void AnExactMatchWinsOverOne() =>
        Assert.Equal("today", MessageFormat.Format("{0, plural, =0 {today} one {# day} other {# days}}", [0]));

    [Fact]
    public void TheCatalogueSaysOneDayAndThreeDaysInEnglishAndOneFormInChinese()
    {
        var catalogue = MessageCatalogue.Default;

        Assert.Equal("1 day left", catalogue.Format(Language.English, "case.countdown.left", 1));
        Assert.Equal("3 days left", catalogue.Format(Language.English, "case.countdown.left", 3));
        Assert.Equal("剩 1 天", catalogue.Format(Language.TraditionalChinese, "case.countdown.left", 1));
        Assert.DoesNotContain(catalogue.Keys(Language.English), k => catalogue.Text(Language.English, k).Contains("(s)", StringComparison.Ordinal));
    }
}
