using Bot.Dialogs.Forms;

namespace Bot.Tests.Forms;

public sealed class TaiwanPhoneTests
{
    [Theory]
    [InlineData("02-2388-5185", "02-2388-5185")]
    [InlineData("(02)2388-5185", "02-2388-5185")]
    [InlineData("02 2388 5185", "02-2388-5185")]
    [InlineData("0223885185", "02-2388-5185")]
    [InlineData("049-220-0065", "049-220-0065")]
    [InlineData("037-322-350", "037-322-350")]
    [InlineData("06-926-4545", "06-926-4545")]
    [InlineData("07-7358800*2253", "07-735-8800*2253")]
    [InlineData("07-7358800#2253", "07-735-8800*2253")]
    [InlineData("07-735-8800 ext. 2253", "07-735-8800*2253")]
    [InlineData("07-7358800 分機 2253", "07-735-8800*2253")]
    [InlineData("0912345678", "0912-345-678")]
    [InlineData("0912-345-678", "0912-345-678")]
    [InlineData("+886 912 345 678", "0912-345-678")]
    [InlineData("+886-2-2388-5185", "02-2388-5185")]
    [InlineData("+886 (0)2 2388 5185", "02-2388-5185")]
    [InlineData("０９１２３４５６７８", "0912-345-678")]
    [InlineData("0836-22345", "0836-22345")]
    public void ReadsTheWaysPeopleWriteTaiwaneseNumbers(string typed, string normalised) =>
        Assert.Equal(normalised, TaiwanPhone.Normalise(typed));

    [Theory]
    [InlineData("0212345")]        // too short to exist
    [InlineData("02-2388-518")]    // Taipei numbers have 8 digits
    [InlineData("091234567")]      // a mobile has 10 digits
    [InlineData("1234567890")]     // no leading 0
    [InlineData("+84 912 345 678")] // not Taiwan
    [InlineData("01-2345-6789")]   // no such area code
    [InlineData("call me")]
    public void RefusesNumbersThatCannotExist(string typed) =>
        Assert.Null(TaiwanPhone.Normalise(typed));
}
