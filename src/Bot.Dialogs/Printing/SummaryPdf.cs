using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Bot.Dialogs.Printing;

/// <summary>
/// Draws an <see cref="ApplicationSummary"/> on A4 pages: the NIA pages in order, each Chinese label with the value to
/// type, the prepared ID photo when the host still keeps it, the documents checklist and the receipt number once known.
/// Fonts are embedded (only the glyphs used).
/// </summary>
public static class SummaryPdf
{
    public const string FileName = "summary.pdf";

    public const string ContentType = "application/pdf";

    private const double LabelWidth = 170;

    /// <summary>The NIA's photo: 35 × 45 mm, printed at its real size.</summary>
    private const double PhotoWidth = 35 / 25.4 * 72;

    private const double PhotoHeight = 45 / 25.4 * 72;

    private static readonly SummaryFonts Fonts = Register();

    /// <summary>The PDF's bytes; null when this host lacks the fonts to draw Chinese.</summary>
    /// <param name="photo">The prepared ID photo (JPEG), printed under the title at 35 × 45 mm; null: none.</param>
    public static byte[]? Render(ApplicationSummary summary, byte[]? photo = null)
    {
        if (!Fonts.Available)
        {
            return null;
        }

        var title = new MixedText(16);
        var heading = new MixedText(12);
        var body = new MixedText(10);
        var small = new MixedText(8.5);
        using var document = new PdfDocument();
        document.Info.Title = summary.MenuItem;
        document.Info.Creator = "ARC Helper";
        using (var writer = new PdfPageWriter(document))
        {
            writer.Paragraph(summary.MenuItem, title);
            writer.Paragraph(summary.StudentName + (summary.ReceiptNumber is { } receipt ? "    收件號 " + receipt : string.Empty), body);
            writer.Gap(10);
            if (photo is not null)
            {
                writer.Paragraph("相片 Photo (35 × 45 mm)", heading);
                writer.Picture(photo, PhotoWidth, PhotoHeight);
                writer.Gap(8);
            }

            foreach (var section in summary.Sections)
            {
                writer.Paragraph(section.Title, heading);
                writer.Rule();
                foreach (var line in section.Lines)
                {
                    writer.Field(line.Label, MixedText.Printable(line.Value ?? "—"), body, LabelWidth);
                }

                foreach (var note in section.Notes)
                {
                    writer.Paragraph(MixedText.Printable(note), small, XBrushes.DimGray);
                }

                writer.Gap(8);
            }

            writer.Paragraph(MixedText.Printable(summary.Checklist), small);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static SummaryFonts Register()
    {
        var fonts = new SummaryFonts();
        GlobalFontSettings.FontResolver ??= fonts;
        return fonts;
    }
}
