using Bot.Dialogs.Conversation;
using Bot.Host.Files;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// Draws the dialog's replies as LINE messages: plain text, choices as quick-reply postback buttons, files as
/// links to <c>GET /files/{token}</c> (images as image messages, other files as a button that opens the link), the
/// summary's pages as Flex cards with a copy button per value (<see cref="LineFlexSummary"/>), a reminder with a deadline
/// as a card (<see cref="LineDeadlineCards"/>).
/// </summary>
public sealed class LineReplyRenderer(FileStore files, LineQuickReplies quickReplies)
{
    private const int MaxTemplateText = 160;
    private const int MaxAltText = 400;

    /// <param name="userId">Whom the messages go to: their files are stored under their name (so /delete finds them).</param>
    public async Task<IReadOnlyList<LineMessage>> RenderAsync(string userId, IReadOnlyList<Reply> replies)
    {
        var owner = new Storage.StudentKey(LineEventMapper.Channel, userId);
        var messages = new List<LineMessage>();
        for (var i = 0; i < replies.Count; i++)
        {
            var reply = replies[i];
            if (IsFlexPage(reply))
            {
                // Consecutive pages become one carousel; buttons on the last page go under it.
                var pages = replies.Skip(i).TakeWhile(IsFlexPage).ToList();
                i += pages.Count - 1;
                var flex = LineFlexSummary.Render(pages);
                messages.AddRange(flex.SkipLast(1));
                messages.Add(flex[^1] with { QuickReply = quickReplies.For(pages[^1].Buttons, pages[^1].DatePick) });
                continue;
            }

            var quickReply = quickReplies.For(reply.Buttons, reply.DatePick);
            var text = LineText.Shorten(reply.PlainText, LineLimits.MaxTextLength);
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

                var label = quickReplies.Label(file.FileName);
                var caption = LineText.Shorten(text.Length is > 0 and <= MaxTemplateText ? text : file.FileName, MaxTemplateText);
                messages.Add(new TemplateMessage(LineText.Shorten(caption, MaxAltText), new ButtonsTemplate(caption, [new UriAction(label, link)])) { QuickReply = quickReply });
                continue;
            }

            if (LineDeadlineCards.ForReminder(reply) is { } card)
            {
                messages.Add(card with { QuickReply = quickReply });
            }
            else if (text.Length > 0)
            {
                messages.Add(new TextMessage(text) { QuickReply = quickReply });
            }
        }

        return messages;
    }

    private static bool IsFlexPage(Reply reply) => reply is { Section: { } section, File: null } && LineFlexSummary.Fits(section);
}
