using System.Text.Json;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Printing;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// The summary's NIA pages as Flex bubbles: the page title on top, then each Chinese label, its value and a copy
/// button (clipboard action) under it, then the page's notes. Consecutive pages share a carousel (at most 12 bubbles
/// and 50 KB), so a whole summary is one message and the reply keeps room under LINE's 5 messages. The alt text is the
/// pages' plain text, in the student's language as the dialog wrote it.
/// </summary>
public static class LineFlexSummary
{
    public const int MaxBubblesPerCarousel = 12;

    /// <summary>LINE refuses a bubble over 30 KB and a carousel over 50 KB of JSON; a little room is kept below both.</summary>
    public const int MaxBubbleBytes = 28_000;

    public const int MaxCarouselBytes = 48_000;

    /// <summary>Flex altText: 1 to 1500 characters.</summary>
    public const int MaxAltText = 1500;

    /// <summary>clipboardText: 1 to 1000 characters; a longer value gets no button rather than a cut one.</summary>
    public const int MaxClipboardText = 1000;

    /// <summary>Room for the copy icon in a button label of 20 grapheme clusters.</summary>
    private const int MaxButtonLabel = 14;

    private const string CopyIcon = "📋 ";
    private const string Muted = "#8C8C8C";
    private const string Accent = "#06C755";

    /// <summary>The pages as Flex messages (one carousel per 12 bubbles or 48 KB; a lone page as a bubble).</summary>
    public static IReadOnlyList<FlexMessage> Render(IReadOnlyList<Reply> pages)
    {
        var messages = new List<FlexMessage>();
        var bubbles = new List<(FlexBubble Bubble, string Text, int Bytes)>();
        foreach (var page in pages)
        {
            var bubble = Bubble(page.Section!);
            var bytes = Size(bubble);
            if (bubbles.Count == MaxBubblesPerCarousel || (bubbles.Count > 0 && bubbles.Sum(b => b.Bytes) + bytes > MaxCarouselBytes))
            {
                messages.Add(Message(bubbles));
                bubbles.Clear();
            }

            bubbles.Add((bubble, page.PlainText, bytes));
        }

        if (bubbles.Count > 0)
        {
            messages.Add(Message(bubbles));
        }

        return messages;
    }

    /// <summary>Whether a page fits one bubble (a page of hundreds of long values would not; it is then sent as text).</summary>
    public static bool Fits(SummarySection section) => Size(Bubble(section)) <= MaxBubbleBytes;

    public static FlexBubble Bubble(SummarySection section)
    {
        var body = new List<FlexComponent>();
        foreach (var line in section.Lines)
        {
            if (body.Count > 0)
            {
                body.Add(new FlexSeparator { Margin = "md" });
            }

            body.Add(Line(line));
        }

        body.AddRange(section.Notes.Select(note => new FlexText(note) { Size = "xs", Color = Muted, Wrap = true, Margin = "lg" }));
        return new FlexBubble
        {
            Size = "mega",
            Header = new FlexBox("vertical", [new FlexText(section.Title) { Weight = "bold", Size = "md", Wrap = true, Color = "#FFFFFF" }])
            {
                BackgroundColor = Accent,
                PaddingAll = "md",
            },
            Body = new FlexBox("vertical", body.Count > 0 ? body : [new FlexText("—") { Color = Muted }]) { Spacing = "sm" },
        };
    }

    /// <summary>The Chinese label as on the NIA page, a clipped version on the button: 出生日期(西元) → 出生日期.</summary>
    public static string ButtonLabel(string label)
    {
        var open = label.IndexOfAny(['(', '（']);
        var core = (open > 0 ? label[..open] : label).Trim();
        LineText.TryCutLabel(core, MaxButtonLabel, out var cut);
        return CopyIcon + cut;
    }

    private static FlexBox Line(SummaryLine line)
    {
        var parts = new List<FlexComponent>
        {
            new FlexText(line.Label) { Size = "xs", Color = Muted, Wrap = true },
            new FlexText(line.Value ?? "—") { Size = "md", Weight = line.Value is null ? null : "bold", Color = line.Value is null ? Muted : null, Wrap = true },
        };
        if (line.Value is { Length: > 0 and <= MaxClipboardText } value)
        {
            parts.Add(new FlexButton(new ClipboardAction(ButtonLabel(line.Label), value)) { Style = "secondary", Height = "sm", Margin = "sm" });
        }

        return new FlexBox("vertical", parts) { Margin = "md" };
    }

    private static FlexMessage Message(List<(FlexBubble Bubble, string Text, int Bytes)> bubbles)
    {
        var altText = LineText.Shorten(string.Join("\n\n", bubbles.Select(b => b.Text)), MaxAltText);
        return bubbles.Count == 1
            ? new FlexMessage(altText, bubbles[0].Bubble)
            : new FlexMessage(altText, new FlexCarousel([.. bubbles.Select(b => b.Bubble)]));
    }

    private static int Size(FlexContainer container) => JsonSerializer.SerializeToUtf8Bytes(container, LineJsonContext.Default.FlexContainer).Length;
}
