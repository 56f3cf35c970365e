using System.Globalization;
using System.Text;

namespace Bot.Dialogs.Messages;

/// <summary>
/// Compares what students type with the words the bot knows, however their keyboard wrote it: Vietnamese accents as
/// one character or as a letter plus combining marks (or typed without them: "da dong phi" for "đã đóng phí"),
/// full-width digits and letters from Chinese keyboards, any case.
/// </summary>
public static class TypedText
{
    /// <summary>Lower case, no accents or tone marks, đ as d, full-width forms as ASCII.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    continue;
                default:
                    folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
                    break;
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
