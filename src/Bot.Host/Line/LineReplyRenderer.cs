using Bot.Dialogs.Conversation;
using Bot.Host.Files;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// Draws the dialog's replies as LINE messages: plain text, choices as quick-reply postback buttons, files as
/// links to <c>GET /files/{token}</c> (images as image messages, other files as a button that opens the link).
/// </summary>
public sealed class LineReplyRenderer(FileStore files, LineQuickReplies quickReplies)
{
    private const int MaxTemplateText = 160;
    private const int MaxAltText = 400;

    public async Task<IReadOnlyList<LineMessage>> RenderAsync(IReadOnlyList<Reply> replies)
    {
        var messages = new List<LineMessage>();
        foreach (var reply in replies)
        {
            var quickReply = quickReplies.For(reply.Buttons, reply.DatePick);
            var text = LineText.Shorten(reply.PlainText, LineLimits.MaxTextLength);
            if (reply.File is { } file)
            {
                var link = await files.StoreAsync(file.Bytes, file.ContentType, file.FileName);
                if (file.ContentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    var preview = file.Preview is { } small ? await files.StoreAsync(small, "image/jpeg", null) : link;
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

                var label = quickReplies.Label(file.FileName);
                var caption = LineText.Shorten(text.Length is > 0 and <= MaxTemplateText ? text : file.FileName, MaxTemplateText);
                messages.Add(new TemplateMessage(LineText.Shorten(caption, MaxAltText), new ButtonsTemplate(caption, [new UriAction(label, link)])) { QuickReply = quickReply });
                continue;
            }

            if (text.Length > 0)
            {
                messages.Add(new TextMessage(text) { QuickReply = quickReply });
            }
        }

        return messages;
    }
}
