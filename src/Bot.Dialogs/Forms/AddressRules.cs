using System.Text.RegularExpressions;

namespace Bot.Dialogs.Forms;

/// <summary>The parts of a Taiwan address as the NIA form splits them, in Traditional Chinese.</summary>
public static partial class AddressRules
{
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,6}[區鄉鎮市]$")]
    private static partial Regex District();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,6}[村里]$")]
    private static partial Regex Village();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}0-9一二三四五六七八九十]{1,20}(?:[路街道]|大道|[一二三四五六七八九十]段|\d段)$")]
    private static partial Regex Street();

    [GeneratedRegex(@"^(\d{1,5})(?:之(\d{1,3}))?號?(?:\s*(\d{1,3})樓(?:之(\d{1,3}))?)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(\d{1,4})[鄰巷弄]?$")]
    private static partial Regex SmallNumber();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex AnyChinese();

    public static FieldResult DistrictName(string input) => Chinese(input, District(), "field.district.error");

    public static FieldResult VillageName(string input) => Chinese(input, Village(), "field.village.error");

    public static FieldResult StreetName(string input) => Chinese(input, Street(), "field.street.error");

    public static FieldResult Neighbourhood(string input) => Numbered(input, "鄰", "field.neighbourhood.error");

    public static FieldResult Lane(string input) => Numbered(input, "巷", "field.lane.error");

    public static FieldResult Alley(string input) => Numbered(input, "弄", "field.alley.error");

    public static FieldResult HouseNumber(string input)
    {
        var match = Number().Match(input.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", "之", StringComparison.Ordinal));
        if (!match.Success)
        {
            return FieldResult.Error("field.houseNumber.error");
        }

        var value = match.Groups[1].Value + (match.Groups[2].Success ? "之" + match.Groups[2].Value : string.Empty) + "號";
        if (match.Groups[3].Success)
        {
            value += match.Groups[3].Value + "樓" + (match.Groups[4].Success ? "之" + match.Groups[4].Value : string.Empty);
        }

        return FieldResult.Ok(value);
    }

    private static FieldResult Chinese(string input, Regex rule, string errorKey)
    {
        var value = input.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace('台', '臺');
        if (!AnyChinese().IsMatch(value))
        {
            return FieldResult.Error("field.address.error.chinese");
        }

        return rule.IsMatch(value) ? FieldResult.Ok(value) : FieldResult.Error(errorKey);
    }

    private static FieldResult Numbered(string input, string suffix, string errorKey)
    {
        var match = SmallNumber().Match(input.Trim());
        return match.Success ? FieldResult.Ok(match.Groups[1].Value + suffix) : FieldResult.Error(errorKey);
    }
}
