using System.Text.RegularExpressions;
using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Recognises a free-text overstay question in any language the bot speaks: "overstay 15 days", "逾期 15 天",
/// "quá hạn 15 ngày", "overstay 15 hari", "15 days of overstay". The words are <c>words.overstay</c> and
/// <c>words.days</c> in the catalogues, matched with or without accents.
/// </summary>
public static class OverstayQuestion
{
    /// <summary>Linear patterns on text the host already caps; the timeout only guards against the unforeseen.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    private static readonly Lock Gate = new();
    private static readonly Dictionary<Words, Regex[]> Patterns = [];

    /// <summary>The number of days asked about, or null when the text is not such a question.</summary>
    public static int? ParseDays(string? text, Words? words = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Folding also turns full-width digits (１５) from Chinese keyboards into ASCII.
        var folded = TypedText.Fold(text);
        try
        {
            foreach (var pattern in PatternsFor(words ?? Words.Default))
            {
                var match = pattern.Match(folded);
                if (match.Success && int.TryParse(match.Groups["days"].ValueSpan, out var days) && days > 0)
                {
                    return days;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Not a question we can read: the text goes on to the current step as usual.
        }

        return null;
    }

    /// <summary>"overstay(ed) (by|for|of) 15 days" and "15 days (of) overstay", with every language's words.</summary>
    private static Regex[] PatternsFor(Words words)
    {
        lock (Gate)
        {
            if (!Patterns.TryGetValue(words, out var patterns))
            {
                var overstay = Alternatives(words.All("words.overstay"));
                var days = Alternatives(words.All("words.days"));
                const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
                patterns =
                [
                    new Regex($@"(?:{overstay})(?:居留|了)*(?:\s+(?:by|for|of|sebanyak|selama))?[\s:：]*(?<days>\d{{1,4}})\s*(?:{days})(?![a-z])", options, Timeout),
                    new Regex($@"(?<![0-9])(?<days>\d{{1,4}})\s*(?:{days})(?:\s+of)?\s*的?(?:{overstay})", options, Timeout),
                ];
                Patterns[words] = patterns;
            }

            return patterns;
        }
    }

    /// <summary>A regex alternation of the words, longest first so "days" wins over "day".</summary>
    private static string Alternatives(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));
}
