using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Forms;

/// <summary>
/// Taiwanese phone numbers as people write them (domain.md §4.1): mobiles 09 + 8 digits; landlines an area code (02, 03,
/// 037, 04, 049, 05, 06, 07, 08, 082, 0826, 0836, 089) and 5–8 digits, 9 or 10 digits in all (02 always 10), with
/// dashes, spaces, brackets or +886; an extension after #, *, "ext" or 分機. Read back in one spelling for the summary:
/// 0912-345-678, 02-2388-5185, 07-735-8800*2253 (the school guide writes extensions after *). The NIA form sets no format.
/// </summary>
public static partial class TaiwanPhone
{
    // Longest codes first, so 049 is not read as 04 + 9….
    private static readonly string[] AreaCodes = ["0826", "0836", "037", "049", "082", "089", "02", "03", "04", "05", "06", "07", "08"];

    [GeneratedRegex(@"^(?<main>.*?)\s*(?:(?:[#*]|ext\.?|x|分機|轉)\s*(?<ext>\d{1,6}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex MainAndExtension();

    [GeneratedRegex(@"^[0-9 \-().]+$")]
    private static partial Regex Separators();

    /// <summary>The number in one spelling, or null when it cannot be a Taiwanese phone number.</summary>
    public static string? Normalise(string input)
    {
        var match = MainAndExtension().Match(Ascii(input).Trim());
        var main = match.Groups["main"].Value.Trim();
        if (main.StartsWith('+'))
        {
            // +886 2 2388 5185, +886-(0)2-…: the country code stands for the leading 0.
            main = main[1..].TrimStart();
            if (!main.StartsWith("886", StringComparison.Ordinal))
            {
                return null;
            }

            main = "0" + main[3..].Replace("(0)", string.Empty, StringComparison.Ordinal).TrimStart(' ', '-', '0');
        }

        if (main.Length == 0 || !Separators().IsMatch(main))
        {
            return null;
        }

        var digits = new string([.. main.Where(char.IsAsciiDigit)]);
        var number = Format(digits);
        return number is null ? null : match.Groups["ext"].Success ? number + "*" + match.Groups["ext"].Value : number;
    }

    private static string? Format(string digits)
    {
        if (digits.Length == 10 && digits.StartsWith("09", StringComparison.Ordinal))
        {
            return $"{digits[..4]}-{digits[4..7]}-{digits[7..]}";
        }

        if (digits.Length is not (9 or 10) || digits[0] != '0' || digits[1] is < '2' or > '8')
        {
            return null;
        }

        var area = AreaCodes.First(code => digits.StartsWith(code, StringComparison.Ordinal));
        var local = digits[area.Length..];
        if ((area == "02" && local.Length != 8) || local.Length < 5 || local.Length > 8)
        {
            return null;
        }

        // 2388-5185, 735-8800, 322-350: the groups people write.
        var split = local.Length >= 7 ? local.Length - 4 : local.Length == 6 ? 3 : local.Length;
        return split == local.Length ? $"{area}-{local}" : $"{area}-{local[..split]}-{local[split..]}";
    }

    /// <summary>Full-width digits and signs (０９１２, ＊, （）) as their ASCII forms.</summary>
    private static string Ascii(string input)
    {
        var text = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            text.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }

        return text.ToString();
    }
}
