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
    [InlineData("15天的逾期罰多少", 15)]
    [InlineData("Nếu tôi quá hạn 15 ngày thì sao?", 15)]
    [InlineData("cu tru qua han 8 ngay", 8)]
    [InlineData("Em ở quá hạn 31 ngày rồi", 31)]
    [InlineData("Saya overstay 12 hari", 12)]
    [InlineData("melebihi izin tinggal 40 hari", 40)]
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
    [InlineData("Tôi sẽ đóng phí trong 3 ngày")]
    [InlineData("saya bayar 5 hari lagi")]
    public void ReturnsNullWhenItIsNotSuchAQuestion(string? text) =>
        Assert.Null(OverstayQuestion.ParseDays(text));
}
