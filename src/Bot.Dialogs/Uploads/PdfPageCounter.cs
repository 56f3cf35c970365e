using System.Text.RegularExpressions;

namespace Bot.Dialogs.Uploads;

/// <summary>
/// A cheap page count from the PDF's page objects, without Ghostscript. It is a lower bound
/// (pages inside compressed object streams are invisible), so it can only ever reject early;
/// the rasteriser's own count is the final word.
/// </summary>
internal static partial class PdfPageCounter
{
    public static int CountVisiblePages(byte[] pdf) =>
        PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    // "/Type /Page" but not "/Type /Pages" (the page tree nodes).
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex PageObject();
}
