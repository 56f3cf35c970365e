using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Dialogs.Conversation;
using Bot.Host.Line;
using Bot.Host.Line.Api;

namespace Bot.Tests.Line;

public sealed class LineReplyRendererTests : IDisposable
{
    private readonly LogCapture logs = new();
    private readonly LoggerFactory loggers;

    public LineReplyRendererTests() => loggers = new LoggerFactory([logs]);

    private LineQuickReplies QuickReplies => new(loggers.CreateLogger<LineQuickReplies>());

    public void Dispose() => loggers.Dispose();

    [Fact]
    public void KeepsTheChoicesAndDropsHelpThenBackWhenThereAreMoreThanThirteen()
    {
        var choices = Enumerable.Range(1, 12).Select(i => new Choice($"Station {i}", $"v:S{i}")).ToList();
        IReadOnlyList<IReadOnlyList<Choice>> rows = [choices, [new Choice("More", "pg:1")], [new Choice("Back", "nav:back"), new Choice("Help", "nav:help")]];

        var items = QuickReplies.For(rows)!.Items;

        Assert.Equal(13, items.Count);
        var data = items.Select(i => ((PostbackAction)i.Action).Data).ToList();
        Assert.Equal([.. choices.Select(c => c.Data), "pg:1"], data);
    }

    [Fact]
    public void ALabelThatDoesNotFitIsCutAsALastResortLoggedAndShownWholeAsTheAnswer()
    {
        // A school's own data can be longer than any catalogue label; LINE would refuse the whole message.
        var label = "🏫 National Immigration Agency Kaohsiung";
        var action = (PostbackAction)QuickReplies.For([[new Choice(label, "def")]])!.Items[0].Action;

        Assert.Equal(20, LineText.LabelLength(action.Label!));
        Assert.Equal("🏫 National Immigrat…", action.Label);
        Assert.Equal(label, action.DisplayText);
        Assert.Contains(logs.Entries, e => e.EventId == 504 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public void LabelsThatFitAreKeptWholeCountingEmojiAsOneCharacterAsLineDoes()
    {
        // 20 grapheme clusters but 21 UTF-16 units: LINE takes it (it counts labels in grapheme clusters).
        var label = "🏫 Kaohsiung City 1st";
        var action = (PostbackAction)QuickReplies.For([[new Choice(label, "def")]])!.Items[0].Action;

        Assert.Equal(21, label.Length);
        Assert.Equal(label, action.Label);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 504);
    }

    [Fact]
    public void AsksForAPhotoWithTheCameraAndPhotoLibraryQuickReplies()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest();

        var items = QuickReplies.For(d.Last.Replies[^1].Buttons)!.Items;

        Assert.IsType<CameraAction>(items[0].Action);
        Assert.IsType<CameraRollAction>(items[1].Action);
        Assert.Contains(items, i => i.Action is PostbackAction { Data: "go:next" });
    }

    [Fact]
    public void NeverCutsASurrogatePairInHalf()
    {
        var shortened = LineText.Shorten(new string('a', 18) + "😀😀", 20);

        Assert.Equal(new string('a', 18) + "…", shortened);
    }

    [Fact]
    public void RetryKeysAreStableUuidsPerEventAndBatch()
    {
        var key = LineReplySender.RetryKey("01HXYZ", 1);
        Assert.Equal(LineRetryKey.From("01HXYZ#1"), key);

        Assert.Equal(key, LineReplySender.RetryKey("01HXYZ", 1));
        Assert.NotEqual(key, LineReplySender.RetryKey("01HXYZ", 2));
        Assert.Equal('4', key.ToString("D")[14]);
    }
}
