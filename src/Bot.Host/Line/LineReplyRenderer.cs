using Bot.Dialogs.Conversation;
using Bot.Host.Files;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// Draws the dialog's replies as LINE messages: plain text, choices as quick-reply postback buttons, files as
/// links to <c>GET /files/{token}</c> (images as image messages, other files as a button that opens the link).
/// </summary>
public sealed class LineReplyRenderer(FileStore files)
{
    /// <summary>Help is always reachable by typing /help, and back by a later tap: they go first when 13 items are too few.</summary>
    private static readonly string[] DroppedFirst = ["nav:help", "nav:back"];

    private const int MaxTemplateText = 160;
    private const int MaxAltText = 400;
    private const int MaxDisplayText = 300;

    /// <param name="userId">Whom the messages go to: their files are stored under their name (so /delete finds them).</param>
    public async Task<IReadOnlyList<LineMessage>> RenderAsync(string userId, IReadOnlyList<Reply> replies)
    {
        var owner = new Storage.StudentKey(LineEventMapper.Channel, userId);
        var messages = new List<LineMessage>();
        foreach (var reply in replies)
        {
            var quickReply = QuickReplyFor(reply.Buttons);
            var text = Shorten(reply.PlainText, LineLimits.MaxTextLength);
            if (reply.File is { } file)
            {
                var link = await files.StoreAsync(owner, file.Bytes, file.ContentType, file.FileName);
                if (file.ContentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    var preview = file.Preview is { } small ? await files.StoreAsync(owner, small, "image/jpeg", null) : link;
                    if (text.Length > 0)
                    {
                        messages.Add(new TextMessage(text));
                    }

                    messages.Add(new ImageMessage(link, preview) { QuickReply = quickReply });
                    continue;
                }

                // LINE has no file message for bots: a button that opens the link.
                if (text.Length > MaxTemplateText)
                {
                    messages.Add(new TextMessage(text));
                }

                var label = Shorten(file.FileName, LineLimits.MaxActionLabelLength);
                var caption = Shorten(text.Length is > 0 and <= MaxTemplateText ? text : file.FileName, MaxTemplateText);
                messages.Add(new TemplateMessage(Shorten(caption, MaxAltText), new ButtonsTemplate(caption, [new UriAction(label, link)])) { QuickReply = quickReply });
                continue;
            }

            if (text.Length > 0)
            {
                messages.Add(new TextMessage(text) { QuickReply = quickReply });
            }
        }

        return messages;
    }

    /// <summary>
    /// Every choice as a quick-reply postback; the chat shows the label as the student's answer. LINE allows 13:
    /// with more, help and back are dropped first, then the list is cut (the student can still type an answer).
    /// </summary>
    public static QuickReply? QuickReplyFor(IReadOnlyList<IReadOnlyList<Choice>>? rows)
    {
        var choices = rows?.SelectMany(row => row).ToList() ?? [];
        if (choices.Count == 0)
        {
            return null;
        }

        if (choices.Count > LineLimits.MaxQuickReplyItems)
        {
            var keep = choices
                .Select((choice, index) => (choice, index, rank: Array.IndexOf(DroppedFirst, choice.Data) is var r && r >= 0 ? DroppedFirst.Length - r : 0))
                .OrderBy(c => c.rank)
                .ThenBy(c => c.index)
                .Take(LineLimits.MaxQuickReplyItems)
                .OrderBy(c => c.index)
                .Select(c => c.choice);
            choices = [.. keep];
        }

        return new QuickReply([.. choices.Select(c => new QuickReplyItem(c.Data switch
        {
            // Open the phone's camera or photo library: the student's next message is the picture itself.
            ButtonData.Camera => new CameraAction(Shorten(c.Label, LineLimits.MaxActionLabelLength)),
            ButtonData.CameraRoll => new CameraRollAction(Shorten(c.Label, LineLimits.MaxActionLabelLength)),
            _ => new PostbackAction(Shorten(c.Label, LineLimits.MaxActionLabelLength), c.Data, Shorten(c.Label, MaxDisplayText)),
        }))]);
    }

    /// <summary>Cuts to <paramref name="max"/> characters with "…", never between the halves of a surrogate pair.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
