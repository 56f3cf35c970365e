using Bot.Tests.Dialogs;
using Bot.Dialogs.Conversation;
using Bot.Host.Line;
using Bot.Host.Line.Api;

namespace Bot.Tests.Line;

public sealed class LineReplyRendererTests
{
    [Fact]
    public void KeepsTheChoicesAndDropsHelpThenBackWhenThereAreMoreThanThirteen()
    {
        var choices = Enumerable.Range(1, 12).Select(i => new Choice($"Station {i}", $"v:S{i}")).ToList();
        IReadOnlyList<IReadOnlyList<Choice>> rows = [choices, [new Choice("More", "pg:1")], [new Choice("Back", "nav:back"), new Choice("Help", "nav:help")]];

        var items = LineReplyRenderer.QuickReplyFor(rows)!.Items;

        Assert.Equal(13, items.Count);
        var data = items.Select(i => ((PostbackAction)i.Action).Data).ToList();
        Assert.Equal([.. choices.Select(c => c.Data), "pg:1"], data);
    }

    [Fact]
    public void ShortensLabelsToTwentyCharactersButShowsTheWholeLabelAsTheAnswer()
    {
        var label = "National Immigration Agency Kaohsiung";
        var action = (PostbackAction)LineReplyRenderer.QuickReplyFor([[new Choice(label, "v:KHH1")]])!.Items[0].Action;

        Assert.Equal(20, action.Label!.Length);
        Assert.EndsWith("…", action.Label, StringComparison.Ordinal);
        Assert.Equal(label, action.DisplayText);
    }

    [Fact]
    public void AsksForAPhotoWithTheCameraAndPhotoLibraryQuickReplies()
    {
        var d = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest();

        var items = LineReplyRenderer.QuickReplyFor(d.Last.Replies[^1].Buttons)!.Items;

        Assert.IsType<CameraAction>(items[0].Action);
        Assert.IsType<CameraRollAction>(items[1].Action);
        Assert.Contains(items, i => i.Action is PostbackAction { Data: "go:next" });
    }

    [Fact]
    public void NeverCutsASurrogatePairInHalf()
    {
        var shortened = LineReplyRenderer.Shorten(new string('a', 18) + "😀😀", 20);

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
