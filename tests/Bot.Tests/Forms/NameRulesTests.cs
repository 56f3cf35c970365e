using Bot.Dialogs.Forms;

namespace Bot.Tests.Forms;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("陈大文", "陳大文")]
    [InlineData("刘晓东", "劉曉東")]
    [InlineData("黄丽华", "黃麗華")]
    public void RefusesASimplifiedChineseNameWithItsTraditionalForm(string typed, string traditional)
    {
        var result = NameRules.Chinese(typed);

        Assert.False(result.IsValid);
        Assert.Equal("field.chineseName.error.simplified", result.ErrorKey);
        Assert.Equal([traditional], result.Args);
    }

    [Theory]
    [InlineData("陳大文")]
    [InlineData("周杰倫")]   // 杰 is also a Traditional character
    [InlineData("林台生")]   // so is 台
    public void AcceptsATraditionalChineseName(string typed) =>
        Assert.Equal(typed, NameRules.Chinese(typed).Value);
}
