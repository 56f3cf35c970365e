using Bot.Dialogs.Printing;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Host.Telegram;

/// <summary>
/// A copy button (Telegram's copy_text) per value of a summary page, labelled with the NIA's Chinese label as the
/// student sees it on the NIA site, so one tap puts the value on the clipboard. The values stay tap-to-copy code in the
/// text too (older Telegram apps show no copy buttons).
/// </summary>
public static class TelegramCopyButtons
{
    /// <summary>copy_text holds 1–256 characters; a longer value gets no button rather than a cut one.</summary>
    public const int MaxCopyText = 256;

    /// <summary>Room for the other buttons of the message under Telegram's 100 buttons a keyboard.</summary>
    public const int MaxButtons = 60;

    /// <summary>A label of at most this many characters: two buttons then fit side by side on a phone.</summary>
    public const int MaxLabel = 10;

    private const string Icon = "📋 ";

    public static IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> Rows(SummarySection section)
    {
        var buttons = section.Lines
            .Where(l => l.Value is { Length: > 0 and <= MaxCopyText })
            .Take(MaxButtons)
            .Select(l => InlineKeyboardButton.WithCopyText(Icon + ShortLabel(l.Label), l.Value!))
            .ToList();
        return [.. buttons.Chunk(2)];
    }

    /// <summary>
    /// The label without its explanation in brackets, then cut: 出生日期(西元) → 出生日期, 在臺聯絡人身分證號(護照號碼或居留證號) →
    /// 在臺聯絡人身分證號. The message above the buttons has every label in full.
    /// </summary>
    public static string ShortLabel(string label)
    {
        var open = label.IndexOfAny(['(', '（']);
        var core = (open > 0 ? label[..open] : label).Trim();
        return core.Length <= MaxLabel ? core : core[..(MaxLabel - 1)] + "…";
    }
}
