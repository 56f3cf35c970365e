using System.Globalization;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// How long a button label may be. LINE shows at most 20 characters of a quick-reply or action label and refuses a
/// longer one; it counts grapheme clusters ("✏️" is one), as <see cref="Length"/> does. Labels are written to fit in
/// every language rather than cut; a channel still cuts one that does not fit (a school's own data), as a last resort.
/// </summary>
public static class ButtonLabels
{
    public const int MaxLength = 20;

    public static int Length(string label) => new StringInfo(label).LengthInTextElements;

    public static bool Fits(string label) => Length(label) <= MaxLength;

    /// <summary>
    /// "Master · 碩士" when it fits, else the gloss alone: the NIA's words then show in the answer's confirmation and in
    /// the summary, where there is room. <paramref name="room"/>: what is left beside a marker on the same button.
    /// </summary>
    public static string WithNiaWords(string gloss, string niaWords, int room = MaxLength)
    {
        if (gloss == niaWords)
        {
            return gloss;
        }

        var both = $"{gloss} · {niaWords}";
        return Length(both) <= room ? both : gloss;
    }
}
