using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Reminders;

/// <summary>Recognises a free-text overstay question such as "overstay 15 days", "overstayed by 15 days" or "逾期 15 天".</summary>
public static partial class OverstayQuestion
{
    /// <summary>The number of days asked about, or null when the text is not such a question.</summary>
    public static int? ParseDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // FormKC turns full-width digits (１５) from Chinese keyboards into ASCII.
        var normalized = text.Normalize(NormalizationForm.FormKC);
        foreach (var pattern in (ReadOnlySpan<Regex>)[EnglishOverstayThenDays(), EnglishDaysThenOverstay(), ChineseOverdueThenDays(), ChineseDaysThenOverdue()])
        {
            var match = pattern.Match(normalized);
            if (match.Success && int.TryParse(match.Groups["days"].ValueSpan, out var days) && days > 0)
            {
                return days;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\boverstay(?:ed|ing)?(?:\s+(?:by|for|of))?[\s:]*(?<days>\d{1,4})\s*days?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishOverstayThenDays();

    [GeneratedRegex(@"\b(?<days>\d{1,4})\s*days?\s+(?:of\s+)?overstay", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDaysThenOverstay();

    [GeneratedRegex(@"(?:逾期|超過居留期限|超期)(?:居留)?了?[\s:：]*(?<days>\d{1,4})\s*(?:天|日)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseOverdueThenDays();

    [GeneratedRegex(@"(?<days>\d{1,4})\s*(?:天|日)的?(?:逾期|超期)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDaysThenOverdue();
}
