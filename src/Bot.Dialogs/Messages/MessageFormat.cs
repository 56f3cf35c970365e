using System.Globalization;
using System.Text;

namespace Bot.Dialogs.Messages;

/// <summary>
/// Fills a catalogue text: <c>{0}</c> is an argument, and <c>{0, plural, one {# day} other {# days}}</c> picks the form for
/// the number (<c>#</c> is the number; <c>=0 {…}</c> matches exactly), so texts say "1 day" and "3 days", never "day(s)".
/// Languages without plural forms simply write <c>{0} 天</c>. The catalogue files name their placeholders
/// (<c>{days}</c>); <see cref="MessageCatalogue"/> turns the names into these positions when it loads.
/// </summary>
public static class MessageFormat
{
    private const string PluralMarker = ", plural,";

    public static string Format(string template, IReadOnlyList<object?> args)
    {
        if (args.Count == 0)
        {
            return template;
        }

        var text = template.Contains(PluralMarker, StringComparison.Ordinal) ? ExpandPlurals(template, args) : template;
        return string.Format(CultureInfo.InvariantCulture, text, [.. args]);
    }

    private static string ExpandPlurals(string template, IReadOnlyList<object?> args)
    {
        var result = new StringBuilder(template.Length);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var marker = open < 0 ? -1 : template.IndexOf(PluralMarker, open, StringComparison.Ordinal);
            var comma = open < 0 ? -1 : template.IndexOf(',', open);
            if (open < 0 || marker < 0 || comma != marker || !int.TryParse(template.AsSpan(open + 1, marker - open - 1).Trim(), out var index))
            {
                // No plural block from here (or this brace is an ordinary placeholder): copy up to the next brace.
                var next = open < 0 ? template.Length : open + 1;
                result.Append(template, i, next - i);
                i = next;
                continue;
            }

            result.Append(template, i, open - i);
            var end = Matching(template, open);
            var number = Convert.ToInt64(args[index], CultureInfo.InvariantCulture);
            result.Append(Choose(template[(marker + PluralMarker.Length)..end], number).Replace("#", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            i = end + 1;
        }

        return result.ToString();
    }

    /// <summary>"one {# day} other {# days}" → the form for <paramref name="number"/> (English-style: one is exactly 1).</summary>
    private static string Choose(string forms, long number)
    {
        var chosen = (string?)null;
        var other = string.Empty;
        var i = 0;
        while (i < forms.Length)
        {
            var open = forms.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }

            var selector = forms[i..open].Trim();
            var close = Matching(forms, open);
            var form = forms[(open + 1)..close];
            if (selector == "other")
            {
                other = form;
            }
            else if ((selector == "one" && number == 1) || (selector.StartsWith('=') && long.TryParse(selector[1..], out var exact) && exact == number))
            {
                chosen ??= form;
            }

            i = close + 1;
        }

        return chosen ?? other;
    }

    private static int Matching(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced braces in a message: {text}");
    }
}
