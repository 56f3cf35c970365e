using Bot.Dialogs.Messages;

namespace Bot.Tests.Dialogs;

/// <summary>One voice in Chinese: the polite 您, 新臺幣…元, one unit for the photo, one name for the advisor.</summary>
public sealed class WordingTests
{
    private static IEnumerable<(string Key, string Text)> Chinese =>
        MessageCatalogue.Default.Keys(Language.TraditionalChinese).Select(k => (k, MessageCatalogue.Default.Text(Language.TraditionalChinese, k)));

    [Fact]
    public void ChineseTextsAddressTheStudentAsNin() =>
        Assert.Empty(Chinese.Where(t => t.Text.Contains('你', StringComparison.Ordinal)).Select(t => t.Key));

    [Fact]
    public void ChineseTextsWriteAmountsAsXinTaiBiYuan() =>
        Assert.Empty(Chinese.Where(t => t.Text.Contains("NT$", StringComparison.Ordinal)).Select(t => t.Key));

    [Fact]
    public void ChineseTextsGiveThePhotoSizeInOneUnit() =>
        Assert.Empty(Chinese.Where(t => t.Text.Contains("公釐", StringComparison.Ordinal)).Select(t => t.Key));

    [Fact]
    public void ChineseTextsNameTheAdvisorOneWay() =>
        Assert.Empty(Chinese.Where(t => t.Text.Contains("輔導員", StringComparison.Ordinal) || t.Text.Contains("承辦人", StringComparison.Ordinal)).Select(t => t.Key));

    [Fact]
    public void TheAccountIsActivatedNotTheMailbox() =>
        Assert.Empty(Chinese.Where(t => t.Text.Contains("信箱已開通", StringComparison.Ordinal) || t.Text.Contains("開通電子郵件", StringComparison.Ordinal)).Select(t => t.Key));
}
