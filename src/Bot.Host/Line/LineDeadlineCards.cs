using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Dialogs.Conversation;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// Reminders and advisors' notices that carry a deadline, as Flex cards: a title, the deadline large under its label,
/// then the text. The alt text (notifications, clients without Flex) is the plain text. A card that would not fit a
/// bubble (30 KB) is sent as text instead.
/// </summary>
public static partial class LineDeadlineCards
{
    private const string Accent = "#06C755";
    private const string Urgent = "#D93025";
    private const string Muted = "#8C8C8C";

    /// <summary>A notice's title: its first line when the text has more lines and that line is short.</summary>
    private const int MaxTitleLength = 80;

    /// <summary>The reminder's card (<see cref="Reply.Card"/>).</summary>
    public static FlexMessage? ForReminder(Reply reply) =>
        reply.Card is { } card ? Card(card.Title, card.DeadlineLabel, card.Deadline, reply.PlainText, reply.PlainText) : null;

    /// <summary>
    /// An advisors' notice: a card when its text names a date from <paramref name="today"/> on (2026-12-20, 2026/12/20,
    /// 2026年12月20日; the first such date is the deadline), else plain text. A first line of its own is the title.
    /// </summary>
    public static LineMessage ForNotice(string text, DateOnly today) =>
        NoticeCard(text, today) is { } notice ? (LineMessage?)Card(notice.Title, "📅", notice.Deadline, notice.Body, text) ?? new TextMessage(text) : new TextMessage(text);

    /// <summary>What <see cref="ForNotice"/> puts on the card (for the dashboard's preview); null when the notice goes as text.</summary>
    public static NoticeCardParts? NoticeCard(string text, DateOnly today)
    {
        var deadline = Dates().Matches(text).Select(Parse).FirstOrDefault(d => d >= today);
        if (deadline is not { } date)
        {
            return null;
        }

        var lines = text.Split('\n', 2);
        var titled = lines.Length == 2 && lines[0].Trim().Length is > 0 and <= MaxTitleLength && lines[1].Trim().Length > 0;
        return new NoticeCardParts(titled ? "📢 " + lines[0].Trim() : "📢", date, titled ? lines[1].Trim() : text);
    }

    public static FlexMessage? Card(string title, string deadlineLabel, DateOnly deadline, string body, string altText)
    {
        var overdue = title.StartsWith("⚠️", StringComparison.Ordinal);
        var bubble = new FlexBubble
        {
            Size = "mega",
            Header = new FlexBox("vertical", [new FlexText(title) { Weight = "bold", Size = "md", Wrap = true, Color = "#FFFFFF" }])
            {
                BackgroundColor = overdue ? Urgent : Accent,
                PaddingAll = "md",
            },
            Body = new FlexBox("vertical",
            [
                new FlexBox("vertical",
                [
                    new FlexText(deadlineLabel) { Size = "sm", Color = Muted },
                    new FlexText(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Size = "xxl", Weight = "bold", Color = overdue ? Urgent : null },
                ]),
                new FlexSeparator { Margin = "lg" },
                new FlexText(body) { Size = "sm", Wrap = true, Margin = "lg" },
            ]),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes<FlexContainer>(bubble, LineJsonContext.Default.FlexContainer).Length;
        return bytes > LineFlexSummary.MaxBubbleBytes
            ? null
            : new FlexMessage(LineText.Shorten(altText, LineFlexSummary.MaxAltText), bubble);
    }

    private static DateOnly? Parse(Match match) =>
        DateOnly.TryParseExact(
            $"{match.Groups[1].Value}-{match.Groups[2].Value.PadLeft(2, '0')}-{match.Groups[3].Value.PadLeft(2, '0')}",
            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"(?<!\d)(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")]
    private static partial Regex Dates();
}

/// <summary>An advisors' notice as a LINE card shows it: the title, the deadline large under it, the rest of the text.</summary>
public sealed record NoticeCardParts(string Title, DateOnly Deadline, string Body);
