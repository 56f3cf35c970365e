using System.Globalization;

namespace Bot.Host.Line;

/// <summary>
/// Text cut to LINE's limits as LINE counts them (developers.line.biz/en/docs/messaging-api/text-character-count):
/// action labels, postback display texts and rich menu texts in grapheme clusters ("✏️" is one), other text in UTF-16 units.
/// </summary>
public static class LineText
{
    public static int LabelLength(string label) => new StringInfo(label).LengthInTextElements;

    /// <summary>Cuts a label to <paramref name="max"/> grapheme clusters with "…"; true when it had to.</summary>
    public static bool TryCutLabel(string label, int max, out string cut)
    {
        var info = new StringInfo(label);
        if (info.LengthInTextElements <= max)
        {
            cut = label;
            return false;
        }

        cut = info.SubstringByTextElements(0, max - 1) + "…";
        return true;
    }

    /// <summary>Cuts to <paramref name="max"/> UTF-16 units with "…", never between the halves of a surrogate pair.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
