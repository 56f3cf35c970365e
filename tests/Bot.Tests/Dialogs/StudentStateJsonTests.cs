using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;

namespace Bot.Tests.Dialogs;

public sealed class StudentStateJsonTests
{
    [Fact]
    public void ReadsARecordSavedByThisRelease()
    {
        // A record as version 1 writes it: a later release must keep reading this (add a migration instead of changing it).
        const string saved = """{"v":1,"l":1,"p":"FillingExtension","f":"programme","e":false,"k":"ext","a":{"surname":"NGUYEN","uiNumber":"A800000005"},"pg":0,"c":"2026-11-25T02:00:00+00:00","t":"2026-11-25T02:10:00+00:00"}""";

        var state = StudentStateJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(saved));

        Assert.Equal(Language.TraditionalChinese, state.Language);
        Assert.Equal("FillingExtension", state.Phase);
        Assert.Equal("programme", state.Field);
        Assert.Equal("A800000005", state.Answer("uiNumber"));
    }

    [Fact]
    public void UpgradesARecordWrittenBeforeVersioning()
    {
        const string old = """{"l":"zh-TW","p":"Registering","f":"surname","a":{"chineseName":"陳大文"}}""";

        var state = StudentStateJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(old));

        Assert.Equal(StudentState.CurrentVersion, state.Version);
        Assert.Equal(Language.TraditionalChinese, state.Language);
        Assert.Equal("陳大文", state.Answer("chineseName"));
    }

    [Fact]
    public void RefusesARecordFromANewerRelease()
    {
        const string future = """{"v":99,"l":0,"p":"New","a":{}}""";

        Assert.Throws<InvalidDataException>(() => StudentStateJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(future)));
    }

    [Fact]
    public void ResumesAConversationFromASavedRecord()
    {
        var d = new DialogDriver().ToRegistration().Press("nav:skip").Press("v:two");
        var reloaded = StudentStateJson.Deserialize(StudentStateJson.Serialize(d.State));

        var result = new StudentConversation(reloaded, d.Settings).Handle(Inbound.FromText("Nguyen"));

        Assert.Equal("NGUYEN", reloaded.Answer("surname"));
        Assert.Contains("given names", result.Replies[0].Text, StringComparison.Ordinal);
    }
}
