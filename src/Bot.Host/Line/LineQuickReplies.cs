using Bot.Dialogs.Conversation;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// A reply's choices as quick-reply buttons: postbacks whose label the chat shows as the student's answer, the camera
/// and photo library where the dialog asks for a picture. The dialog's labels fit LINE's 20 characters in every
/// language (a test walks them); one that does not (a school's own data) is cut here as a last resort, and logged.
/// </summary>
public sealed class LineQuickReplies(ILogger<LineQuickReplies> logger)
{
    /// <summary>Help is always reachable by typing /help, and back by a later tap: they go first when 13 items are too few.</summary>
    private static readonly string[] DroppedFirst = [ButtonData.Help, ButtonData.Back];

    private const int MaxDisplayText = 300;

    /// <summary>
    /// LINE allows 13 items: with more, help and back are dropped first, then the list is cut (the student can still type
    /// an answer). A date question gets the date picker first.
    /// </summary>
    public QuickReply? For(IReadOnlyList<IReadOnlyList<Choice>>? rows, DatePick? datePick = null)
    {
        var choices = rows?.SelectMany(row => row).ToList() ?? [];
        // LINE wants max after min: a window of one day (asked on the day of submission) has its "today" button instead.
        var picker = datePick is null || datePick.Earliest >= datePick.Latest ? null : new QuickReplyItem(DatePicker(datePick));
        var room = LineLimits.MaxQuickReplyItems - (picker is null ? 0 : 1);
        if (choices.Count == 0 && picker is null)
        {
            return null;
        }

        if (choices.Count > room)
        {
            var keep = choices
                .Select((choice, index) => (choice, index, rank: Array.IndexOf(DroppedFirst, choice.Data) is var r && r >= 0 ? DroppedFirst.Length - r : 0))
                .OrderBy(c => c.rank)
                .ThenBy(c => c.index)
                .Take(room)
                .OrderBy(c => c.index)
                .Select(c => c.choice);
            choices = [.. keep];
        }

        IEnumerable<QuickReplyItem> items = choices.Select(c => new QuickReplyItem(c.Data switch
        {
            // Open the phone's camera or photo library: the student's next message is the picture itself.
            ButtonData.Camera => new CameraAction(Label(c.Label)),
            ButtonData.CameraRoll => new CameraRollAction(Label(c.Label)),
            _ => new PostbackAction(Label(c.Label), c.Data, DisplayText(c.Label)),
        }));
        return new QuickReply([.. picker is null ? items : items.Prepend(picker)]);
    }

    /// <summary>The date picker for a date question; the picked date comes back as if typed (<see cref="LineEventMapper"/>).</summary>
    public DatetimePickerAction DatePicker(DatePick pick)
    {
        var earliest = Clamp(pick.Earliest);
        var latest = Clamp(pick.Latest);
        var initial = Clamp(pick.Initial < earliest ? earliest : pick.Initial > latest ? latest : pick.Initial);
        return new DatetimePickerAction(Label(pick.Label), LineEventMapper.DatePickedData, "date", LineDates.Format(initial), LineDates.Format(earliest), LineDates.Format(latest));
    }

    private static DateOnly Clamp(DateOnly date) => date < LineDates.Earliest ? LineDates.Earliest : date > LineDates.Latest ? LineDates.Latest : date;

    /// <summary>A label as LINE takes it: whole when it fits, else cut (and logged: a label that should be reworded).</summary>
    public string Label(string label)
    {
        if (LineText.TryCutLabel(label, LineLimits.MaxActionLabelLength, out var cut))
        {
            LineLog.LabelCut(logger, LineText.LabelLength(label), LineLimits.MaxActionLabelLength);
        }

        return cut;
    }

    /// <summary>The whole label, shown as the student's message once tapped.</summary>
    public static string DisplayText(string label) =>
        LineText.TryCutLabel(label, MaxDisplayText, out var cut) ? cut : label;
}
