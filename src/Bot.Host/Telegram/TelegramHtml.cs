using System.Text;
using Bot.Dialogs.Conversation;

namespace Bot.Host.Telegram;

/// <summary>Renders the dialog's plain text as Telegram HTML: escaped, with copyable values as tap-to-copy code.</summary>
public static class TelegramHtml
{
    public static string Render(string text)
    {
        var html = new StringBuilder(text.Length + 32);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case Reply.CopyStart: html.Append("<code>"); break;
                case Reply.CopyEnd: html.Append("</code>"); break;
                default: html.Append(c); break;
            }
        }

        return html.ToString();
    }
}
