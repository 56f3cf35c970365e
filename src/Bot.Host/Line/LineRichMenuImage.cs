using System.Collections.Concurrent;
using Bot.Dialogs.Messages;
using ImageMagick;
using ImageMagick.Drawing;

namespace Bot.Host.Line;

/// <summary>
/// Draws a rich menu's image: one cell per tap with its label, in the fonts the PDF summary uses (DejaVu Sans for Latin
/// and Vietnamese, Droid Sans Fallback for Chinese; see Bot.Dialogs' SummaryFonts). A PNG of a few tens of KB, far
/// under LINE's 1 MB. The drawing depends only on the design, so it is kept per design hash in this process.
/// </summary>
public static class LineRichMenuImage
{
    public const string ContentType = "image/png";

    private const string LatinFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly string[] CjkFonts = ["/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"];

    private static readonly MagickColor Background = new("#06C755");
    private static readonly MagickColor Line = new("#FFFFFF");

    private static readonly ConcurrentDictionary<string, byte[]> Drawn = new(StringComparer.Ordinal);

    public static byte[] Draw(LineRichMenuDesign design) => Drawn.GetOrAdd(design.Hash, _ => Render(design));

    private static byte[] Render(LineRichMenuDesign design)
    {
        using var image = new MagickImage(Background, LineRichMenuDesign.Width, LineRichMenuDesign.Height);
        var font = design.Language == Language.TraditionalChinese ? CjkFonts.FirstOrDefault(File.Exists) : File.Exists(LatinFont) ? LatinFont : null;
        for (var i = 0; i < design.Labels.Count; i++)
        {
            var cell = LineRichMenuDesign.Cells[i];
            var drawing = new Drawables()
                .StrokeColor(Line).StrokeWidth(6).FillColor(MagickColors.Transparent)
                .Rectangle(cell.X, cell.Y, cell.X + cell.Width, cell.Y + cell.Height);
            var size = FontSize(design.Labels[i], cell.Width);
            drawing = font is null ? drawing : drawing.Font(font);
            drawing
                .StrokeWidth(0).FillColor(Line).FontPointSize(size).TextAlignment(TextAlignment.Center)
                .Text(cell.X + (cell.Width / 2.0), cell.Y + (cell.Height / 2.0) + (size * 0.35), design.Labels[i])
                .Draw(image);
        }

        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }

    /// <summary>Up to 110 points, smaller for a label that would not fit 85 % of its cell (a CJK glyph is about 1 em wide, others about 0.6).</summary>
    private static double FontSize(string label, int cellWidth)
    {
        var ems = label.Sum(c => c > '\u2E80' ? 1.0 : 0.6);
        return Math.Min(110, cellWidth * 0.85 / Math.Max(ems, 1));
    }
}
