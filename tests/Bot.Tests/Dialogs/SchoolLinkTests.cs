using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;

namespace Bot.Tests.Dialogs;

/// <summary>A start payload naming a school (a school's link, on any channel) preselects it.</summary>
public sealed class SchoolLinkTests
{
    private static readonly SchoolProfile Taipei = new("ntu", "國立臺灣大學");

    [Fact]
    public void ASchoolsLinkPreselectsItsProfileSoItsDefaultsAreOfferedFromTheFirstQuestionThatUsesIt()
    {
        var d = new DialogDriver([Taipei, DialogDriver.Kaohsiung]);
        d.Send(Inbound.FromText("/start CSU", "en") with { StartPayload = "CSU" });
        Assert.Equal("csu", d.Answer("schoolId"));

        d.Tap("English").Press("v:ext").Register().ThroughAccountSteps();
        Assert.Contains(d.Buttons, b => b.Data == ButtonData.SchoolDefault && b.Label == "🏫 正修科技大學");

        d.Press(ButtonData.SchoolDefault).Say("A800000005");
        Assert.Contains(d.Buttons, b => b.Data == ButtonData.SchoolDefault && b.Label.StartsWith("🏫 Industry-academia", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownPayloadIsIgnoredAndAChosenSchoolIsNeverReplaced()
    {
        var d = new DialogDriver([Taipei, DialogDriver.Kaohsiung]);
        d.Send(Inbound.FromText("/start nowhere", "en") with { StartPayload = "nowhere" });
        Assert.Null(d.Answer("schoolId"));
        Assert.Contains("Which language", d.Text, StringComparison.Ordinal);

        d.Tap("English").Press("v:ext").Register().ThroughAccountSteps().Press("v:ntu");
        d.Send(Inbound.FromText("/start csu", "en") with { StartPayload = "csu" });
        Assert.Equal("ntu", d.Answer("schoolId"));
    }

    [Theory]
    [InlineData("csu", true)]
    [InlineData("ntu_2026-a", true)]
    [InlineData("", false)]
    [InlineData("中文", false)]
    [InlineData("a b", false)]
    public void ACodeIsATelegramStartParameter(string code, bool valid) => Assert.Equal(valid, SchoolLink.IsValidCode(code));

    [Fact]
    public void ACodeHasAtMost64Characters()
    {
        Assert.True(SchoolLink.IsValidCode(new string('a', 64)));
        Assert.False(SchoolLink.IsValidCode(new string('a', 65)));
    }
}
