using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;

namespace Bot.Tests.Dialogs;

public sealed class StudentStateJsonTests
{
    [Fact]
    public void ReadsARecordSavedByThisRelease()
    {
        // A record as version 2 writes it: a later release must keep reading this (add a migration instead of changing it).
        const string saved = """{"v":2,"l":1,"p":"FillingForm","f":"entryDate","k":"first","a":{"surname":"NGUYEN"},"pg":0,"c":"2026-11-25T02:00:00+00:00","t":"2026-11-25T02:10:00+00:00"}""";

        var state = StudentStateJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(saved));

        Assert.Equal(Language.TraditionalChinese, state.Language);
        Assert.Equal("FillingForm", state.Phase);
        Assert.Equal("entryDate", state.Field);
        Assert.Equal("first", state.ApplicationKind);
        Assert.Equal("NGUYEN", state.Answer("surname"));
    }

    [Fact]
    public void UpgradesAnExtensionHalfwayThroughItsForm()
    {
        // Written by the release before the form engine (version 1): its "FillingExtension" phase is now the application page.
        const string saved = """{"v":1,"l":0,"p":"FillingExtension","f":"programme","e":false,"k":"ext","a":{"surname":"NGUYEN","uiNumber":"A800000005"},"pg":0,"c":"2026-11-25T02:00:00+00:00","t":"2026-11-25T02:10:00+00:00"}""";
        var d = new DialogDriver();

        var conversation = new StudentConversation(StudentStateJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(saved)), d.Settings);
        var result = conversation.Handle(Inbound.Button("v:master"));

        Assert.Equal(StudentState.CurrentVersion, conversation.Record.Version);
        Assert.Equal("FillingForm", conversation.Record.Phase);
        Assert.Equal("master", conversation.Record.Answer("programme"));
        Assert.Contains("延期事由 (reason for the extension)", result.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpgradesASubmittedExtensionAndKeepsTrackingIt()
    {
        // Version 1 kept "Submitted" and "Tracking" apart, and the case under other C# names (same JSON names).
        const string saved = """{"v":1,"l":0,"p":"Submitted","k":"ext","a":{"arcExpiry":"2027-01-31","station":"TPE"},"r":"104522736210","c":"2026-11-20T02:00:00+00:00","t":"2026-11-24T02:10:00+00:00","x":{"s":"2026-11-24T02:10:00+00:00","m":"2026-11-24T05:00:00+00:00","o":false}}""";
        var d = new DialogDriver();

        var conversation = new StudentConversation(StudentStateJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(saved)), d.Settings);
        var result = conversation.Handle(Inbound.Button("case:approved"));

        Assert.Equal("Tracking", conversation.Record.Phase);
        Assert.Equal(Bot.Dialogs.Cases.CaseStage.UnderReview, conversation.Record.Case!.Stage);
        Assert.Contains("When", result.Replies[^1].Text, StringComparison.Ordinal);
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
