using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;

namespace Bot.Tests.Dialogs;

public sealed class AskAdvisorDialogTests
{
    [Fact]
    public void AQuestionAfterAskIsForwardedAndTheBotThenStaysQuiet()
    {
        var d = new DialogDriver().Say("/start").Say("/ask");
        Assert.Equal(AdvisorTalk.Composing, d.State.Advisor);

        d.Say("My school changed its name, what do I write?");
        Assert.True(d.Last.Effects.HasFlag(TurnEffects.ForwardToAdvisors));
        Assert.Equal(AdvisorTalk.Talking, d.State.Advisor);
        Assert.Single(d.Last.Replies);

        d.Say("Also, is my photo OK?");
        Assert.True(d.Last.Effects.HasFlag(TurnEffects.ForwardToAdvisors));
        Assert.Empty(d.Last.Replies);
    }

    [Fact]
    public void CancellingTheQuestionGoesBackToTheConversation()
    {
        var d = new DialogDriver().Say("/start").Say("/ask").Tap("Cancel");
        Assert.Null(d.State.Advisor);
        Assert.False(d.Last.Effects.HasFlag(TurnEffects.ForwardToAdvisors));
    }

    [Theory]
    [InlineData("/broadcast hello")]
    [InlineData("/stats")]
    public void AdvisorCommandsFromAStudentAreRefusedPolitely(string command)
    {
        var d = new DialogDriver().Say("/start").Say(command);
        Assert.Contains("for the school's advisors", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpOffersAButtonToAskAnAdvisor()
    {
        var d = new DialogDriver().Say("/start").Say("/help");
        Assert.Contains(d.Buttons, b => b.Label == "Ask an advisor");
        d.Tap("Ask an advisor");
        Assert.Equal(AdvisorTalk.Composing, d.State.Advisor);
    }

    [Fact]
    public void AdvisorMessagesExistInBothLanguagesWithTheSameKeys()
    {
        var english = MessageCatalogue.Default.Keys(Language.English).Where(k => k.StartsWith("advisor.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var chinese = MessageCatalogue.Default.Keys(Language.TraditionalChinese).Where(k => k.StartsWith("advisor.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(english, chinese);
    }
}
