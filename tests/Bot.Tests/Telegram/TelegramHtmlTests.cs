using Bot.Dialogs.Conversation;
using Bot.Host.Telegram;

namespace Bot.Tests.Telegram;

/// <summary>Telegram refuses a whole message whose HTML does not parse, so rendering never produces any.</summary>
public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("Your UI number: \u27E6A800000005\u27E7", "Your UI number: <code>A800000005</code>")]
    [InlineData("\u27E6\u27E6a\u27E7\u27E7\u27E6b", "<code>a</code><code>b</code>")]
    [InlineData("\u27E7 closed first", " closed first")]
    [InlineData("<b>x</b> & \u27E6y", "&lt;b&gt;x&lt;/b&gt; &amp; <code>y</code>")]
    public void MarkersInAnyOrderRenderAsBalancedCode(string text, string html) =>
        Assert.Equal(html, TelegramHtml.Render(text));

    [Fact]
    public void TheDialogsOwnCopyableValuesAreUnchanged() =>
        Assert.Equal("a <code>1</code> b <code>2</code>", TelegramHtml.Render($"a {Reply.Copyable("1")} b {Reply.Copyable("2")}"));
}
