using System.Text;
using Bot.Dialogs.Conversation;

namespace Bot.Host.Telegram;

/// <summary>
/// Renders the dialog's plain text as Telegram HTML: escaped, with copyable values as tap-to-copy code. Always valid
/// HTML, whatever the text holds (a student's caption can carry the copy markers): a marker that would open a span
/// inside a span or close one that is not open is dropped, and a span still open at the end is closed. Telegram
/// refuses the whole message otherwise.
/// </summary>
public static class TelegramHtml
{
    public static string Render(string text)
    {
        var html = new StringBuilder(text.Length + 32);
        var inCode = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case Reply.CopyStart when !inCode: html.Append("<code>"); inCode = true; break;
                case Reply.CopyEnd when inCode: html.Append("</code>"); inCode = false; break;
                case Reply.CopyStart or Reply.CopyEnd: break;
                default: html.Append(c); break;
            }
        }

        return inCode ? html.Append("</code>").ToString() : html.ToString();
    }
}
