using System.Text.RegularExpressions;

namespace Bot.Dialogs.Forms;

/// <summary>Names as the NIA registration form takes them: English in capitals as in the passport, Chinese in Traditional characters.</summary>
public static partial class NameRules
{
    [GeneratedRegex(@"^[A-Z]+(?:[ '\-][A-Z]+)*$")]
    private static partial Regex EnglishName();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\u00B7\u30FB]{1,15}$")]
    private static partial Regex ChineseName();

    public static FieldResult English(string input)
    {
        var value = Collapse(input).ToUpperInvariant();
        if (value.Length is 0 or > 40)
        {
            return FieldResult.Error("field.name.error.length");
        }

        if (!EnglishName().IsMatch(value))
        {
            return FieldResult.Error("field.name.error.letters");
        }

        return FieldResult.Ok(value);
    }

    /// <summary>A passport with one name line: the first word is the surname, the rest the given names (NIA rule, e.g. JOHN TERRY LEWIS).</summary>
    public static (string Surname, string GivenNames)? SplitOneLine(string fullName)
    {
        var parts = fullName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }

    /// <summary>The one name line of a passport that does not separate the names: at least two words to split.</summary>
    public static FieldResult OneLine(string input)
    {
        var name = English(input);
        if (!name.IsValid)
        {
            return name;
        }

        return SplitOneLine(name.Value!) is null ? FieldResult.Error("field.fullName.error.oneWord") : name;
    }

    /// <summary>Fills surname and given names from a one-line name.</summary>
    internal static void SplitInto(Conversation.StudentState state, string fullName, FieldContext context)
    {
        var (surname, given) = SplitOneLine(fullName)!.Value;
        state.Answers["surname"] = surname;
        state.Answers["givenNames"] = given;
    }

    /// <summary>A Chinese name in Traditional characters, as the NIA form asks; simplified ones are refused with the Traditional form.</summary>
    public static FieldResult Chinese(string input)
    {
        var value = Collapse(input).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!ChineseName().IsMatch(value))
        {
            return FieldResult.Error("field.chineseName.error");
        }

        return SimplifiedChinese.ToTraditional(value) is { } traditional
            ? FieldResult.Error("field.chineseName.error.simplified", traditional)
            : FieldResult.Ok(value);
    }

    /// <summary>Free text such as a school or a contact's name: trimmed, single-spaced, a sane length.</summary>
    public static FieldResult Text(string input, int maxLength, string errorKey)
    {
        var value = Collapse(input);
        return value.Length is > 0 && value.Length <= maxLength ? FieldResult.Ok(value) : FieldResult.Error(errorKey, maxLength);
    }

    internal static string Collapse(string input) =>
        string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
