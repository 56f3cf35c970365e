using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed class OverstayQuestionTests
{
    [Theory]
    [InlineData("overstay 15 days", 15)]
    [InlineData("I overstayed 15 days, what now?", 15)]
    [InlineData("Overstayed by 3 days", 3)]
    [InlineData("what if I overstay for 1 day", 1)]
    [InlineData("45 days overstay fine?", 45)]
    [InlineData("逾期 15 天", 15)]
    [InlineData("我逾期居留20日會怎樣", 20)]
    [InlineData("逾期１５天", 15)]
    [InlineData("超過居留期限 40 天", 40)]
    public void ReadsTheDaysFromAnOverstayQuestion(string text, int days) =>
        Assert.Equal(days, OverstayQuestion.ParseDays(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("how do I pay 15 days after approval")]
    [InlineData("overstay")]
    [InlineData("逾期會怎樣")]
    [InlineData("overstay 0 days")]
    public void ReturnsNullWhenItIsNotSuchAQuestion(string? text) =>
        Assert.Null(OverstayQuestion.ParseDays(text));
}
