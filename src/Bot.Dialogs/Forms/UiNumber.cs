namespace Bot.Dialogs.Forms;

/// <summary>
/// The UI number (統一證號) on an ARC. Old format (until 2021): 2 letters + 8 digits, the 2nd letter A–D.
/// New format (from 2021-01-02): 1 letter + 9 digits, the 2nd character 8 (male) or 9 (female).
/// Both end in the national-ID check digit: the letter maps to 10–35, weights 1,9 then 8…1, then 1;
/// the total is a multiple of 10. For old numbers the 2nd letter counts as its code mod 10.
/// </summary>
public static class UiNumber
{
    // A=10 … H=17, I=34, J=18 … N=22, O=35, P=23 … V=29, W=32, X=30, Y=31, Z=33.
    private static readonly int[] LetterCodes = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];

    public static FieldResult Parse(string input)
    {
        var value = Normalize(input);
        if (value.Length != 10 || !char.IsAsciiLetterUpper(value[0]))
        {
            return FieldResult.Error("field.uiNumber.error.format");
        }

        var isNew = char.IsAsciiDigit(value[1]);
        var isOld = value[1] is >= 'A' and <= 'D';
        if (!(isNew || isOld) || !value.AsSpan(2).ContainsOnlyDigits())
        {
            return FieldResult.Error("field.uiNumber.error.format");
        }

        if (isNew && value[1] is not ('8' or '9'))
        {
            // 1 and 2 are the citizens' national ID, not a UI number.
            return FieldResult.Error("field.uiNumber.error.nationalId");
        }

        return HasValidCheckDigit(value) ? FieldResult.Ok(value) : FieldResult.Error("field.uiNumber.error.checkDigit");
    }

    public static bool HasValidCheckDigit(string value)
    {
        var code = LetterCodes[value[0] - 'A'];
        var second = char.IsAsciiDigit(value[1]) ? value[1] - '0' : LetterCodes[value[1] - 'A'] % 10;
        var sum = (code / 10) + (code % 10 * 9) + (second * 8);
        for (var i = 2; i < 9; i++)
        {
            sum += (value[i] - '0') * (9 - i);
        }

        sum += value[9] - '0';
        return sum % 10 == 0;
    }

    private static string Normalize(string input) =>
        new([.. input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
}

file static class SpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
