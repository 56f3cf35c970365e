namespace Bot.Tests.Dialogs;

/// <summary>A student unsure which application they need answers a question or two. The clock starts on 2026-11-25.</summary>
public sealed class TriageTests
{
    private static DialogDriver Unsure(string language = "English") =>
        new DialogDriver().Say(language == "English" ? "hello" : "你好").Tap(language).Press("app:unsure");

    [Theory]
    [InlineData("tri:arrived", "first")]
    [InlineData("tri:expiring", "ext")]
    [InlineData("tri:earc", "swap")]
    [InlineData("tri:lost", "reissue")]
    [InlineData("tri:moved", "change")]
    [InlineData("tri:school", "school")]
    public void PointsEachSituationToItsApplication(string situation, string application)
    {
        var d = Unsure().Press(situation);

        Assert.Equal(application, d.State.ApplicationKind);
        Assert.Equal("Registering", d.State.Phase);
        Assert.Contains("Then you need", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArcExpiredUnderThirtyDaysAgoMeansTheFineThenANewApplication()
    {
        var d = Unsure().Press("tri:expired");
        Assert.Contains("How many days ago", d.Text, StringComparison.Ordinal);

        d.Say("soon");
        Assert.Contains("as digits", d.Text, StringComparison.Ordinal);

        d.Say("12 days");
        Assert.Contains("extension is no longer possible", d.Text, StringComparison.Ordinal);
        Assert.Contains("NIA's table for 12 days: NT$20,000", d.Text, StringComparison.Ordinal);
        Assert.Contains("NEW residence application", d.Text, StringComparison.Ordinal);
        Assert.Contains(d.Buttons, b => b.Data == "adv:ask");

        d.Press("v:first");
        Assert.Equal("first", d.State.ApplicationKind);
    }

    [Fact]
    public void AnArcExpiredThirtyDaysAgoOrMoreGetsNoFormButTheLawAndAPerson()
    {
        var d = Unsure("中文").Press("tri:expired").Say("45");

        Assert.Contains("任何申請都無法補救", d.Text, StringComparison.Ordinal);
        Assert.Contains("限令 10 日內出國", d.Text, StringComparison.Ordinal);
        Assert.Contains("1990", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(d.Buttons, b => b.Data.StartsWith("v:", StringComparison.Ordinal));
        Assert.Contains(d.Buttons, b => b.Data == "adv:ask");

        d.Press("nav:back");
        Assert.Equal("ChoosingApplication", d.State.Phase);
    }

    [Fact]
    public void GoesBackFromTheDaysToTheSituationsAndFromThereToTheMenu()
    {
        var d = Unsure().Press("tri:expired").Press("nav:back");
        Assert.Contains("Which of these fits you best?", d.Text, StringComparison.Ordinal);

        d.Press("nav:back");
        Assert.Contains("NIA menu", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASituationCanBeTypedByItsNumber()
    {
        var d = Unsure().Say("5");

        Assert.Equal("reissue", d.State.ApplicationKind);
    }
}
